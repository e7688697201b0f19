import type { Tx } from "../db/types";
import { AppError } from "../errors";

export const purposeRuleSelect = {
  id: true,
  key: true,
  channel: true,
  legalBasis: true,
  isSaleOrSharing: true,
  requiresDoubleOptIn: true,
  currentVersion: true,
  renewalFromVersion: true,
  retiredAt: true,
} as const;

/** A purpose by key with its current published version, or AppError NOT_FOUND. */
export async function loadPurposeForChange(tx: Tx, purposeKey: string) {
  const purpose = await tx.purpose.findUnique({ where: { key: purposeKey }, select: purposeRuleSelect });
  if (!purpose || purpose.currentVersion === 0) throw new AppError("NOT_FOUND", "purpose not found", { userMessage: "purposeNotFound" });
  const version = await tx.purposeVersion.findUniqueOrThrow({
    where: { purposeId_version: { purposeId: purpose.id, version: purpose.currentVersion } },
    select: { id: true, version: true, texts: true },
  });
  return { purpose, version };
}

export type PurposeForChange = Awaited<ReturnType<typeof loadPurposeForChange>>;
