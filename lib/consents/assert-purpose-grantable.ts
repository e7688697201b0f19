import { AppError } from "../errors";
import type { PurposeForChange } from "./load-purpose-for-change";

/** Refuses a grant of a retired purpose, or of a text version other than the one the person saw. */
export function assertPurposeGrantable({ purpose, version }: PurposeForChange, seenVersion?: number) {
  if (purpose.retiredAt) throw new AppError("CONFLICT", "purpose retired", { userMessage: "purposeRetired" });
  if (seenVersion && seenVersion !== version.version) throw new AppError("CONFLICT", "text changed", { userMessage: "purposeTextChanged" });
}
