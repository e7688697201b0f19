import type { Actor } from "../audit/actor";
import { findPersonActivity } from "../audit/find-person-activity";
import { findConsentTimeline } from "../consents/find-consent-timeline";
import { findPersonConsents } from "../consents/find-person-consents";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { findDeliveries } from "../propagation/find-deliveries";
import { findPersonRequests } from "../requests/find-person-requests";
import { assertStaffRole } from "../staff/assert-staff-role";
import { findInteractions } from "./find-interactions";
import { getProfile } from "./get-profile";
import { getRecentPersonView } from "./get-recent-person-view";

/**
 * The customer 360 for a staff member: what the portal shows the person (profile with
 * provenance, organisations, consents and their history, purchases and service), plus their
 * external ids, requests, the delivery log to connected systems, ids merged into them and recent
 * activity. SUPPORT and up, and only after the look was recorded with a reason (recordPersonView).
 */
export async function getPerson360({ actor, personId, locale, interactionsPage = 1, now }: { actor: Actor; personId: string; locale: Locale; interactionsPage?: number; now?: Date }) {
  assertStaffRole(actor, "SUPPORT");
  const view = await getRecentPersonView({ userId: actor.id, personId, now });
  if (!view) throw new AppError("FORBIDDEN", "state a reason first", { userMessage: "reasonRequired" });
  const profile = await getProfile(personId);
  if (!profile) throw new AppError("NOT_FOUND", "person not found", { userMessage: "personNotFound" });
  const prisma = await db();
  const [record, externalIds, aliases, consents, timeline, interactions, requests, deliveries, activity] = await Promise.all([
    prisma.person.findUniqueOrThrow({
      where: { id: personId },
      select: { sequence: true, restrictedAt: true, erasedAt: true, createdAt: true, user: { select: { id: true, role: true, createdAt: true } } },
    }),
    prisma.externalIdentity.findMany({ where: { personId }, orderBy: { linkedAt: "asc" }, select: { system: true, externalId: true, linkedAt: true } }),
    prisma.personAlias.findMany({ where: { personId }, orderBy: { mergedAt: "desc" }, select: { aliasId: true, mergedAt: true } }),
    findPersonConsents({ personId, locale }),
    findConsentTimeline({ personId, locale, take: 20 }),
    findInteractions(personId, interactionsPage),
    findPersonRequests(personId),
    findDeliveries({ personId, take: 25 }),
    findPersonActivity(personId),
  ]);
  return {
    personId,
    view,
    profile,
    account: record.user ? { userId: record.user.id, role: record.user.role, since: record.user.createdAt } : null,
    status: { restrictedAt: record.restrictedAt, erasedAt: record.erasedAt, sequence: record.sequence, createdAt: record.createdAt },
    externalIds,
    mergedIds: aliases,
    consents,
    consentHistory: timeline.items,
    interactions,
    requests: requests.map((r) => ({ id: r.id, type: r.type, channel: r.channel, status: r.status, receivedAt: r.receivedAt, due: r.due, closedAt: r.closedAt })),
    deliveries: deliveries.items.map((d) => ({
      id: d.id, eventType: d.eventType, status: d.status, attempts: d.attempts, lastStatusCode: d.lastStatusCode,
      deliveredAt: d.deliveredAt, createdAt: d.createdAt, system: d.system, acknowledged: d.acknowledgements[0] ?? null,
    })),
    activity: activity.entries.slice(0, 15),
  };
}

export type Person360 = Awaited<ReturnType<typeof getPerson360>>;
