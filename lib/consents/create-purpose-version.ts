import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { assertPurposeAdmin } from "./assert-purpose-admin";
import { consentInput, createPurposeVersionSchema, type PurposeTexts } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/**
 * Writes the draft of a purpose's next version. A purpose has at most one draft: if one exists,
 * its texts are replaced (drafts are edited until published; published versions never change).
 */
export async function createPurposeVersion({ actor, input, now }: { actor: Actor; input: { purposeKey: string; texts: PurposeTexts } | unknown; now?: Date }) {
  assertPurposeAdmin(actor);
  const { purposeKey, texts } = parseOrThrow(createPurposeVersionSchema, input, consentInput);
  return runChange(
    actor,
    async (tx) => {
      const purpose = await tx.purpose.findUnique({ where: { key: purposeKey }, select: { id: true, retiredAt: true } });
      if (!purpose) throw new AppError("NOT_FOUND", "purpose not found", { userMessage: "purposeNotFound" });
      if (purpose.retiredAt) throw new AppError("CONFLICT", "purpose retired", { userMessage: "purposeRetired" });
      const latest = await tx.purposeVersion.findFirst({
        where: { purposeId: purpose.id },
        orderBy: { version: "desc" },
        select: { id: true, version: true, publishedAt: true },
      });
      const draft = latest && !latest.publishedAt
        ? await tx.purposeVersion.update({ where: { id: latest.id }, data: { texts }, select: { id: true, version: true } })
        : await tx.purposeVersion.create({ data: { purposeId: purpose.id, version: (latest?.version ?? 0) + 1, texts }, select: { id: true, version: true } });
      return {
        result: { purposeKey, version: draft.version },
        audit: { action: "purpose.version_drafted", target: `PurposeVersion:${draft.id}`, details: { purposeKey, version: draft.version, fields: ["texts"] } },
      };
    },
    { now },
  );
}
