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
  // The key with its system's key in one statement (Prisma's relation select sends two, one after the other).
  const [key] = await prisma.$queryRaw<{ id: string; systemId: string; systemKey: string; scopes: string[]; revokedAt: Date | null; lastUsedAt: Date | null }[]>`
    SELECT k."id", k."systemId", s."key" AS "systemKey", k."scopes", k."revokedAt", k."lastUsedAt"
    FROM "ApiKey" k JOIN "ConnectedSystem" s ON s."id" = k."systemId"
    WHERE k."hash" = ${hashApiKey(match[1]!)}`;
  if (!key || key.revokedAt) return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { keyId: key.id, systemId: key.systemId, systemKey: key.systemKey, scopes: key.scopes.filter(isApiScope) };
}
