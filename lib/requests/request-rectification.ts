import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { insertDataRequest } from "./insert-data-request";
import { rectificationSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/**
 * Rectification (GDPR Art. 16) in the person's own words, for what they cannot correct
 * themselves (e.g. an organisation's data). An organisation must be one the person acts for.
 */
export async function requestRectification({ actor, personId, input }: { actor: Actor; personId: string; input: unknown }, options?: ChangeOptions) {
  const data = parseOrThrow(rectificationSchema, input, { what: "request input" });
  return runChange(
    actor,
    async (tx, now) => {
      if (data.organizationId) {
        const membership = await tx.membership.findUnique({
          where: { personId_organizationId: { personId, organizationId: data.organizationId } },
          select: { id: true },
        });
        if (!membership) throw new AppError("NOT_FOUND", "not a member of that organisation", { userMessage: "organisationNotFound" });
      }
      const { request, audit } = await insertDataRequest(tx, {
        actor, now, personId, type: "RECTIFICATION", channel: "PORTAL", description: data.description, organizationId: data.organizationId ?? null,
      });
      return { result: request, audit };
    },
    options,
  );
}
