import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";

/** Revokes a key at once; revoked keys stay listed, for the record. */
export async function revokeApiKey({ actor, systemId, keyId }: { actor: Actor; systemId: string; keyId: string }) {
  return runChange(actor, async (tx, now) => {
    const { count } = await tx.apiKey.updateMany({ where: { id: keyId, systemId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new AppError("NOT_FOUND", "no such active key", { userMessage: "notFound" });
    return { result: { id: keyId }, audit: { action: "api_key.revoked", target: `ApiKey:${keyId}`, details: { systemId } } };
  });
}
