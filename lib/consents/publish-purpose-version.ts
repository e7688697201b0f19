import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { assertPurposeAdmin } from "./assert-purpose-admin";
import { consentInput, publishPurposeVersionSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/**
 * Publishes a purpose's draft. A material version (and always the first) raises the purpose's
 * renewal line: grants of earlier versions stay on record, are shown as needing renewal and no
 * longer count as permission. Nothing is written per person, so publishing stays one small
 * transaction; connected systems learn it from one `purpose.version_published` event and from
 * consent look-ups. Returns how many current grants now need renewal.
 */
export async function publishPurposeVersion({
  actor,
  input,
  now,
}: {
  actor: Actor;
  input: { purposeKey: string; version: number; material: boolean } | unknown;
  now?: Date;
}) {
  assertPurposeAdmin(actor);
  const { purposeKey, version, material } = parseOrThrow(publishPurposeVersionSchema, input, consentInput);
  return runChange(
    actor,
    async (tx, at) => {
      const purpose = await tx.purpose.findUnique({
        where: { key: purposeKey },
        select: { id: true, currentVersion: true, renewalFromVersion: true, retiredAt: true },
      });
      if (!purpose) throw new AppError("NOT_FOUND", "purpose not found", { userMessage: "purposeNotFound" });
      if (purpose.retiredAt) throw new AppError("CONFLICT", "purpose retired", { userMessage: "purposeRetired" });
      const draft = await tx.purposeVersion.findUnique({
        where: { purposeId_version: { purposeId: purpose.id, version } },
        select: { id: true, publishedAt: true },
      });
      if (!draft) throw new AppError("NOT_FOUND", "version not found", { userMessage: "versionNotFound" });
      if (draft.publishedAt) throw new AppError("CONFLICT", "version already published", { userMessage: "versionAlreadyPublished" });
      const first = purpose.currentVersion === 0;
      const renewalFromVersion = first || material ? version : purpose.renewalFromVersion;
      await tx.purposeVersion.update({ where: { id: draft.id }, data: { publishedAt: at, material: first || material } });
      await tx.purpose.update({ where: { id: purpose.id }, data: { currentVersion: version, renewalFromVersion } });
      const needingRenewal = await tx.consentState.count({
        where: { purposeId: purpose.id, status: "GRANTED", version: { lt: renewalFromVersion } },
      });
      const details = { purposeKey, version, material: first || material, renewalFromVersion };
      return {
        result: { ...details, needingRenewal },
        audit: { action: "purpose.version_published", target: `PurposeVersion:${draft.id}`, details: { ...details, needingRenewal } },
        events: [{ type: "purpose.version_published", personId: null, data: details }],
      };
    },
    { now },
  );
}
