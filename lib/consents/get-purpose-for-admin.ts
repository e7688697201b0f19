import type { Actor } from "../audit/actor";
import { AppError } from "../errors";
import { findPurposesForAdmin } from "./find-purposes-for-admin";

/** One purpose as the admins' list shows it, or AppError NOT_FOUND. ADMIN only. */
export async function getPurposeForAdmin({ actor, purposeKey }: { actor: Actor; purposeKey: string }) {
  const purpose = (await findPurposesForAdmin({ actor })).find((p) => p.key === purposeKey);
  if (!purpose) throw new AppError("NOT_FOUND", "purpose not found", { userMessage: "purposeNotFound" });
  return purpose;
}
