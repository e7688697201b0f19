import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { organisationReportSchema } from "../persons/schemas";
import { parseOrThrow } from "../validation/parse-or-throw";
import { insertDataRequest } from "./insert-data-request";

/**
 * "This is wrong" about an organisation the person acts for: a rectification request with the
 * person's own words. Only organisations the person is a member of can be reported.
 */
export async function openRectificationRequest({ actor, personId, input }: { actor: Actor; personId: string; input: unknown }) {
  const { organizationId, description } = parseOrThrow(organisationReportSchema, input, { what: "rectification request" });
  return runChange(actor, async (tx, now) => {
    const membership = await tx.membership.findUnique({ where: { personId_organizationId: { personId, organizationId } }, select: { id: true } });
    if (!membership) throw new AppError("NOT_FOUND", "not a member of that organisation", { userMessage: "organisationNotFound" });
    const { request, audit } = await insertDataRequest(tx, { actor, now, personId, type: "RECTIFICATION", channel: "PORTAL", organizationId, description });
    return { result: { id: request.id, dueAt: request.dueAt }, audit };
  });
}
