import { db } from "../db/client";
import { hashApiKey } from "./hash-api-key";
import { isApiScope, type ApiScope } from "./scopes";

export interface ApiPrincipal {
  keyId: string;
  systemId: string;
  /** The system's key: the provenance of what it writes and the owner of its external ids. */
  systemKey: string;
  scopes: ApiScope[];
}

/** Writing lastUsedAt on every call would make every read a write: once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The key behind `Authorization: Bearer omk_…`, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey(authorization: string | null, now = new Date()): Promise<ApiPrincipal | null> {
  const match = /^Bearer\s+(omk_[0-9a-f]{8}_[A-Za-z0-9_-]{20,})\s*$/.exec(authorization ?? "");
  if (!match) return null;
  const prisma = await db();
  const key = await prisma.apiKey.findUnique({
    where: { hash: hashApiKey(match[1]!) },
    select: { id: true, systemId: true, scopes: true, revokedAt: true, lastUsedAt: true, system: { select: { key: true } } },
  });
  if (!key || key.revokedAt) return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { keyId: key.id, systemId: key.systemId, systemKey: key.system.key, scopes: key.scopes.filter(isApiScope) };
}
