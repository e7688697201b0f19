// The erasure itself (GDPR Art. 17), inside the caller's change transaction. What is deleted,
// what is kept and why is documented in README.md, "Erasure: what is deleted, what is kept and why".
import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import { encryptSecret } from "../crypto/encryption";
import { Prisma, type DataRequest } from "../db/generated/client";
import type { Tx } from "../db/types";
import { AppError } from "../errors";
import { createManualTasks } from "../manual-tasks/create-manual-tasks";
import { groupExternalIds } from "../persons/group-external-ids";
import { recordOutboxEvent } from "../propagation/record-outbox-event";
import { deleteQueuedJobsOf } from "../queue/delete-queued-jobs-of";
import { suppressEmail } from "../suppression/suppress-email";
import { appendRequestStep } from "./append-request-step";
import { closeDataRequest } from "./close-data-request";

/** The sealing context of the address kept for the final email: opens only on this request's row. */
export const notifyEmailContext = (requestId: string) => `DataRequest:${requestId}:notifyEmail`;

const OPEN_STATUSES = ["RECEIVED", "VERIFYING", "IN_PROGRESS"] as const;

/**
 * Erases the request's person: deletes their data, keeps an empty Person row (id and sequence,
 * no values) as a tombstone, ends their sessions, deletes their passkeys and removes their sign-in
 * account, keeps a keyed hash of the address as a Suppression, and records `person.erased` (identifiers and the erased
 * state) with the external ids the person had, so receivers can still find the person. The request moves to
 * AWAITING_SYSTEMS, holding the address sealed until the final email has gone.
 */
export async function erasePerson(tx: Tx, { actor, request, now }: { actor: Actor; request: DataRequest; now: Date }) {
  if (request.type !== "ERASURE") throw new AppError("CONFLICT", "not an erasure request", { userMessage: "wrongType" });
  if (request.status !== "RECEIVED" && request.status !== "IN_PROGRESS") {
    throw new AppError("CONFLICT", "request not open for erasure", { userMessage: "requestClosed" });
  }
  const personId = request.personId;
  await tx.$queryRaw`SELECT "id" FROM "Person" WHERE "id" = ${personId} FOR UPDATE`;
  const person = await tx.person.findUniqueOrThrow({
    where: { id: personId },
    select: { email: true, preferredLanguage: true, erasedAt: true, user: { select: { id: true, role: true } } },
  });
  if (person.erasedAt) throw new AppError("CONFLICT", "already erased", { userMessage: "alreadyErased" });
  if (person.user && person.user.role !== "CUSTOMER") throw new AppError("CONFLICT", "staff account", { userMessage: "staffAccount" });

  // The event goes last, carrying the state after the erasure, but with the external ids read
  // now, before they are deleted, so receivers can still find the person.
  const externalIds = groupExternalIds(await tx.externalIdentity.findMany({ where: { personId }, select: { system: true, externalId: true } }));
  // Each manual system's task too, while the ids and the address still exist: its owner needs them.
  const tasks = await createManualTasks(tx, { request, kind: "ERASURE", now });
  if (person.email) await suppressEmail(tx, person.email, "erasure", now);

  const consentEventIds = (await tx.consentEvent.findMany({ where: { personId }, select: { id: true } })).map((e) => e.id);
  const counts: Record<string, number> = {};
  const count = async (name: string, work: Promise<{ count: number }>) => (counts[name] = (await work).count);
  await count("externalConsentEvidence", tx.externalConsentEvidence.deleteMany({ where: { consentEventId: { in: consentEventIds } } }));
  await count("consentConfirmations", tx.consentConfirmation.deleteMany({ where: { personId } }));
  await count("consentStates", tx.consentState.deleteMany({ where: { personId } }));
  await count("consentEvents", tx.consentEvent.deleteMany({ where: { personId } }));
  await count("memberships", tx.membership.deleteMany({ where: { personId } }));
  await count("externalIdentities", tx.externalIdentity.deleteMany({ where: { personId } }));
  await count("fieldHistory", tx.personFieldChange.deleteMany({ where: { personId } }));
  await count("interactions", tx.interaction.deleteMany({ where: { personId } }));
  await count("emailChanges", tx.emailChangeRequest.deleteMany({ where: { personId } }));
  await count("exports", tx.dataExport.deleteMany({ where: { request: { personId } } }));
  if (person.user) {
    counts.sessions = await tx.session.count({ where: { userId: person.user.id } });
    await count("passkeys", tx.passkey.deleteMany({ where: { userId: person.user.id } }));
    // Sessions and accounts go with the user: a new sign-in with the address starts a new person.
    await tx.user.delete({ where: { id: person.user.id } });
  }
  if (person.email) {
    await count("verificationTokens", tx.verificationToken.deleteMany({ where: { identifier: person.email } }));
    await count("localEmails", tx.localEmail.deleteMany({ where: { to: person.email } }));
    counts.idempotencyRecords = await tx.$executeRaw`DELETE FROM "IdempotencyRecord" WHERE strpos("responseBody", ${person.email}) > 0`;
  }
  // Emails still queued about the person (their address and content) go unsent.
  counts.queuedJobs = await deleteQueuedJobsOf(tx, personId);
  // Earlier events' data hold values (every event carries the person's state): keep the envelope
  // and the erased state only, without the external ids (person.erased carries those once, for
  // the receivers). The request events keep what they are about (the Art. 19 status per system)
  // with their state replaced by the erased one.
  const erasedState = Prisma.sql`jsonb_build_object('person', jsonb_build_object('id', "personId", 'sequence', "sequence", 'erased', true), 'consents', '[]'::jsonb, 'restricted', false, 'erased', true)`;
  await tx.$executeRaw`
    UPDATE "OutboxEvent" SET "payload" = jsonb_set("payload", '{externalIds}', '{}'::jsonb)
    WHERE "personId" = ${personId}`;
  counts.redactedEvents = await tx.$executeRaw`
    UPDATE "OutboxEvent" SET "payload" = jsonb_set("payload", '{data}', '{"redacted":true}'::jsonb || ${erasedState})
    WHERE "personId" = ${personId}
      AND "type" NOT IN ('person.erasure_requested', 'person.erased', 'person.restricted', 'person.restriction_lifted')`;
  await tx.$executeRaw`
    UPDATE "OutboxEvent" SET "payload" = jsonb_set("payload", '{data}', (("payload"->'data') - 'person' - 'consents' - 'restricted' - 'erased') || ${erasedState})
    WHERE "personId" = ${personId}
      AND "type" IN ('person.erasure_requested', 'person.restricted', 'person.restriction_lifted')`;

  // The person's requests keep their skeleton (type, dates, statuses) as accountability; their
  // words and the reasons written to them go. Other open requests are closed.
  await tx.dataRequest.updateMany({ where: { personId }, data: { description: null, decisionReason: null, extensionReason: null } });
  await tx.dataRequestStep.updateMany({ where: { request: { personId } }, data: { note: null } });
  const others = await tx.dataRequest.findMany({ where: { personId, id: { not: request.id }, status: { in: [...OPEN_STATUSES, "AWAITING_SYSTEMS"] } }, select: { id: true, personId: true, type: true } });
  const cancelledTasks: AuditInput[] = [];
  for (const other of others) {
    cancelledTasks.push(...(await closeDataRequest(tx, { request: other, status: "CANCELLED", step: "closed_by_erasure", actor, now, data: { confirmTokenHash: null }, byErasure: true })));
  }

  await tx.person.update({
    where: { id: personId },
    data: {
      email: null, emailVerifiedAt: null, givenName: null, familyName: null, phone: null, preferredLanguage: null, birthDate: null,
      streetAddress: null, postalCode: null, city: null, country: null, restrictedAt: null, erasedAt: now,
    },
  });
  await tx.dataRequest.update({
    where: { id: request.id },
    data: {
      status: "AWAITING_SYSTEMS",
      sealedNotifyEmail: person.email ? encryptSecret(person.email, notifyEmailContext(request.id)) : null,
      notifyLocale: person.preferredLanguage,
    },
  });
  await appendRequestStep(tx, { requestId: request.id, kind: "erased", status: "AWAITING_SYSTEMS", actor, now });
  const event = await recordOutboxEvent(tx, { type: "person.erased", personId, data: { requestId: request.id, erasedAt: now.toISOString() }, externalIds }, now);
  const audit: AuditInput[] = [
    { action: "person.erased", personId, target: `Person:${personId}`, details: { dataRequestId: request.id, outboxEventId: event.id, deleted: counts, closedRequests: others.length } },
    { action: "request.status_changed", personId, target: `DataRequest:${request.id}`, details: { from: request.status, to: "AWAITING_SYSTEMS" } },
    ...tasks,
    ...cancelledTasks,
  ];
  return { audit, eventId: event.id, counts };
}
