import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { assertOfficer } from "./assert-officer";
import { effectiveDueAt, urgencyOf } from "./due-date";
import { findPendingErasureSystems } from "./find-pending-erasure-systems";
import { findRequestPropagation } from "./find-request-propagation";

/**
 * One request for the officer's detail page: the request, who it is about, its whole timeline
 * (internal notes included), its export, and per connected system the propagation of what it sent.
 */
export async function getDataRequest({ actor, requestId, now = new Date() }: { actor: Actor; requestId: string; now?: Date }) {
  assertOfficer(actor);
  const prisma = await db();
  const request = await prisma.dataRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true, personId: true, type: true, channel: true, status: true, description: true, organizationId: true, purposeKeys: true,
      receivedAt: true, dueAt: true, extendedDueAt: true, extensionReason: true, decisionReason: true, scheduledFor: true,
      confirmExpiresAt: true, confirmedAt: true, closedAt: true,
      person: { select: { id: true, email: true, givenName: true, familyName: true, erasedAt: true, restrictedAt: true, preferredLanguage: true } },
      assignee: { select: { id: true, email: true } },
      steps: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, at: true, kind: true, status: true, actorKind: true, actorId: true, internal: true, note: true } },
      export: { select: { id: true, status: true, progress: true, sizeBytes: true, readyAt: true, expiresAt: true, downloads: true, attempts: true } },
    },
  });
  if (!request) return null;
  const organization = request.organizationId ? await prisma.organization.findUnique({ where: { id: request.organizationId }, select: { name: true, businessId: true } }) : null;
  const [propagation, pendingSystems] = await Promise.all([
    findRequestPropagation(prisma, request),
    request.status === "AWAITING_SYSTEMS" ? findPendingErasureSystems(prisma, request) : Promise.resolve([]),
  ]);
  // The timeline names the staff member behind each step (their name, else their email).
  const staffIds = [...new Set(request.steps.flatMap((s) => (s.actorKind === "STAFF" && s.actorId ? [s.actorId] : [])))];
  const staff = new Map((await prisma.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u.name || u.email]));
  const steps = request.steps.map((s) => ({ ...s, staffName: s.actorKind === "STAFF" && s.actorId ? (staff.get(s.actorId) ?? null) : null }));
  const due = effectiveDueAt(request);
  const open = !["COMPLETED", "DENIED", "CANCELLED"].includes(request.status);
  return { ...request, steps, organization, due, urgency: open ? urgencyOf(due, now) : ("normal" as const), propagation, pendingSystems };
}

export type OfficerRequestView = NonNullable<Awaited<ReturnType<typeof getDataRequest>>>;
