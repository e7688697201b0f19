import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../audit/actor";
import { isStorableText } from "../db/is-storable-text";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { parseOrThrow } from "../validation/parse-or-throw";
import { hashApiKey } from "./hash-api-key";
import { apiScopes } from "./scopes";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, { error: "nameRequired" }).max(100, { error: "tooLong" }).refine(isStorableText, { error: "invalid" }),
  scopes: z.array(z.enum(apiScopes, { error: "scopeInvalid" })).min(1, { error: "scopesRequired" }).transform((v) => [...new Set(v)]),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/**
 * A new API key for a system: `omk_<prefix>_<secret>`. Returned once; only its prefix (to tell
 * keys apart in lists) and its hash are stored.
 */
export async function createApiKey({ actor, systemId, input }: { actor: Actor; systemId: string; input: unknown }) {
  const data = parseOrThrow(createApiKeySchema, input, { what: "API key input" });
  const prefix = `omk_${randomBytes(4).toString("hex")}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return runChange(actor, async (tx, now) => {
    if (!(await tx.connectedSystem.findUnique({ where: { id: systemId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "no such system", { userMessage: "notFound" });
    }
    const row = await tx.apiKey.create({
      data: { systemId, name: data.name, prefix, hash: hashApiKey(key), scopes: data.scopes, createdAt: now },
      select: { id: true },
    });
    return {
      result: { id: row.id, key, prefix },
      audit: { action: "api_key.created", target: `ApiKey:${row.id}`, details: { systemId, prefix, scopes: data.scopes } },
    };
  });
}
