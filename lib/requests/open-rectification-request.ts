import type { Actor } from "../audit/actor";
import { runChange } from "../db/run-change";
import { AppError } from "../errors";
import { organisationReportSchema } from "../persons/schemas";
import { insertDataRequest } from "./insert-data-request";

/**
 * "This is wrong" about an organisation the person acts for: a rectification request with the
 * person's own words. Only organisations the person is a member of can be reported.
 */
export async function openRectificationRequest({ actor, personId, input }: { actor: Actor; personId: string; input: unknown }) {
  const parsed = organisationReportSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "root"), i.message]));
    throw new AppError("VALIDATION", "invalid rectification request", { fields });
  }
  const { organizationId, description } = parsed.data;
  return runChange(actor, async (tx, now) => {
    const membership = await tx.membership.findUnique({ where: { personId_organizationId: { personId, organizationId } }, select: { id: true } });
    if (!membership) throw new AppError("NOT_FOUND", "not a member of that organisation", { userMessage: "organisationNotFound" });
    const { request, audit } = await insertDataRequest(tx, { actor, now, personId, type: "RECTIFICATION", channel: "PORTAL", organizationId, description });
    return { result: { id: request.id, dueAt: request.dueAt }, audit };
  });
}
