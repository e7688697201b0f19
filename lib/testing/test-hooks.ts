// Helpers for the browser tests, reachable only with TEST_HOOKS=true and only from loopback.
// The sign-in flow itself is always tested through the real emailed link.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { createUserForEmail } from "../auth/create-user-for-email";
import type { Actor } from "../audit/actor";
import { createPurpose } from "../consents/create-purpose";
import { createPurposeVersion } from "../consents/create-purpose-version";
import { mintUnsubscribeToken } from "../consents/mint-unsubscribe-token";
import { publishPurposeVersion } from "../consents/publish-purpose-version";
import { createApiKey } from "../api-keys/create-api-key";
import { db } from "../db/client";
import { runChange } from "../changes/run-change";
import { enqueueJob } from "../queue/enqueue-job";
import { exportBuildJob } from "../requests/export-build-job";
import { insertDataRequest } from "../requests/insert-data-request";
import { expireDataExports } from "../requests/expire-data-exports";
import { sweepWaitingErasures } from "../requests/erasure-sweep-job";
import { createQueueJob } from "../queue/run-queue";
import { ensureRecurringJobs, jobHandlers } from "../worker/jobs";
import { createConnectedSystem } from "../propagation/create-connected-system";
import { updateConnectedSystem } from "../propagation/update-connected-system";

export const testHookSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("create-session"), email: z.email() }),
  z.object({ action: z.literal("expire-sign-in-links"), email: z.email() }),
  z.object({ action: z.literal("age-sessions"), email: z.email(), minutes: z.number().int().positive() }),
  z.object({ action: z.literal("mint-unsubscribe-token"), email: z.email(), purposeKey: z.string(), expiresInSeconds: z.number().int() }),
  z.object({ action: z.literal("consent-trail"), email: z.email() }),
  z.object({ action: z.literal("publish-purpose"), key: z.string(), title: z.string(), material: z.boolean() }),
  // Data-subject requests.
  z.object({ action: z.literal("person-id"), email: z.email() }),
  z.object({ action: z.literal("person-rows"), personId: z.string(), userId: z.string().optional(), email: z.email().optional() }),
  z.object({ action: z.literal("erased-event"), personId: z.string() }),
  z.object({ action: z.literal("schedule-erasure-now"), requestId: z.string() }),
  z.object({ action: z.literal("expire-export"), exportId: z.string() }),
  z.object({ action: z.literal("stalled-export"), email: z.email(), progress: z.number().int().min(0).max(99) }),
  z.object({ action: z.literal("end-export-lease"), exportId: z.string() }),
  z.object({ action: z.literal("create-system"), key: z.string(), requiresErasureAck: z.boolean(), scopes: z.array(z.string()), webhookUrl: z.string().optional() }),
  z.object({ action: z.literal("stop-erasure-ack"), systemId: z.string() }),
  z.object({ action: z.literal("run-request-jobs") }),
  z.object({ action: z.literal("passkey-count"), userId: z.string() }),
]);

export type TestHook = z.infer<typeof testHookSchema>;

const system: Actor = { kind: "SYSTEM", id: "test-hooks" };
const texts = (title: string) => ({
  fi: { title, description: `${title} (fi)` },
  sv: { title, description: `${title} (sv)` },
  en: { title, description: `${title} (en)` },
});

export async function runTestHook(hook: TestHook): Promise<Record<string, unknown>> {
  const prisma = await db();
  if (hook.action === "publish-purpose") {
    // A purpose of the test's own, so publishing a material change touches no other test.
    const existing = await prisma.purpose.findUnique({ where: { key: hook.key }, select: { id: true } });
    if (!existing) await createPurpose({ actor: system, input: { key: hook.key, channel: "EMAIL", legalBasis: "CONSENT", texts: texts(hook.title) } });
    else await createPurposeVersion({ actor: system, input: { purposeKey: hook.key, texts: texts(hook.title) } });
    const draft = await prisma.purposeVersion.findFirstOrThrow({ where: { purpose: { key: hook.key }, publishedAt: null }, orderBy: { version: "desc" } });
    await publishPurposeVersion({ actor: system, input: { purposeKey: hook.key, version: draft.version, material: hook.material } });
    return { version: draft.version };
  }
  if (hook.action === "run-request-jobs") {
    // One pass of the worker's queue, an export expiry and a sweep of every waiting erasure, now,
    // beside the running worker (they claim with SKIP LOCKED).
    const context = { workerId: "test-hooks", signal: new AbortController().signal };
    const now = new Date();
    await ensureRecurringJobs(prisma, now);
    await createQueueJob(jobHandlers).run(prisma, now, context);
    await expireDataExports(prisma, now);
    for (let after = await sweepWaitingErasures(prisma, now, null); after; after = await sweepWaitingErasures(prisma, now, after));
    return { ran: ["queue", "exports.expire", "erasure.sweep"] };
  }
  if (hook.action === "passkey-count") return { passkeys: await prisma.passkey.count({ where: { userId: hook.userId } }) };
  if (hook.action === "person-rows") {
    // Every row about the person, per table: what an erasure must leave empty (or kept, see README).
    const personId = hook.personId;
    const person = await prisma.person.findUnique({ where: { id: personId }, select: { email: true, givenName: true, familyName: true, phone: true, preferredLanguage: true, erasedAt: true } });
    const [users, sessions, accounts, signInTokens, memberships, externalIdentities, fieldHistory, interactions, emailChanges, consentEvents, consentStates, consentConfirmations, exports, requests, outboxEvents, audit] = await Promise.all([
      prisma.user.count({ where: { personId } }),
      prisma.session.count({ where: { userId: hook.userId ?? "-" } }),
      prisma.account.count({ where: { userId: hook.userId ?? "-" } }),
      prisma.verificationToken.count({ where: { identifier: hook.email?.toLowerCase() ?? "-" } }),
      prisma.membership.count({ where: { personId } }),
      prisma.externalIdentity.count({ where: { personId } }),
      prisma.personFieldChange.count({ where: { personId } }),
      prisma.interaction.count({ where: { personId } }),
      prisma.emailChangeRequest.count({ where: { personId } }),
      prisma.consentEvent.count({ where: { personId } }),
      prisma.consentState.count({ where: { personId } }),
      prisma.consentConfirmation.count({ where: { personId } }),
      prisma.dataExport.count({ where: { request: { personId } } }),
      prisma.dataRequest.findMany({ where: { personId }, select: { description: true, decisionReason: true, extensionReason: true, sealedNotifyEmail: true, steps: { select: { note: true } } } }),
      prisma.outboxEvent.findMany({ where: { personId }, select: { type: true, payload: true } }),
      prisma.auditEntry.findMany({ where: { personId }, select: { action: true, target: true, details: true } }),
    ]);
    return {
      person,
      counts: { users, sessions, accounts, signInTokens, memberships, externalIdentities, fieldHistory, interactions, emailChanges, consentEvents, consentStates, consentConfirmations, exports },
      requestTexts: requests.flatMap((r) => [r.description, r.decisionReason, r.extensionReason, ...r.steps.map((s) => s.note)]).filter((t) => t !== null),
      sealedAddresses: requests.filter((r) => r.sealedNotifyEmail !== null).length,
      outboxEvents,
      audit,
    };
  }
  if (hook.action === "erased-event") {
    const event = await prisma.outboxEvent.findFirst({ where: { personId: hook.personId, type: "person.erased" }, select: { id: true, payload: true } });
    return { event };
  }
  if (hook.action === "schedule-erasure-now") {
    // The cooling-off period has passed: the worker's next pass runs the erasure.
    const due = new Date(Date.now() - 1000);
    const { count } = await prisma.dataRequest.updateMany({ where: { id: hook.requestId, type: "ERASURE" }, data: { scheduledFor: due } });
    await prisma.job.updateMany({ where: { dedupeKey: `erasure:${hook.requestId}`, status: "PENDING" }, data: { runAt: due } });
    return { updated: count };
  }
  if (hook.action === "expire-export") {
    const { count } = await prisma.dataExport.updateMany({ where: { id: hook.exportId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    return { updated: count };
  }
  if (hook.action === "end-export-lease") {
    // The claiming worker's lease runs out: a running worker may take the export over.
    const { count } = await prisma.job.updateMany({ where: { dedupeKey: `export:${hook.exportId}`, status: "RUNNING" }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    return { updated: count };
  }
  if (hook.action === "create-system") {
    const created = await createConnectedSystem({ actor: system, input: { key: hook.key, name: hook.key, kind: "OTHER", webhookUrl: hook.webhookUrl ?? "", eventTypes: [], requiresErasureAck: hook.requiresErasureAck } });
    const { key } = await createApiKey({ actor: system, systemId: created.id, input: { name: `${hook.key} test key`, scopes: hook.scopes } });
    return { systemId: created.id, apiKey: key };
  }
  if (hook.action === "stop-erasure-ack") {
    // So the test's system holds up no other test's erasure afterwards.
    const current = await prisma.connectedSystem.findUniqueOrThrow({ where: { id: hook.systemId }, select: { name: true, kind: true, webhookUrl: true, eventTypes: true, active: true } });
    await updateConnectedSystem({ actor: system, systemId: hook.systemId, input: { ...current, webhookUrl: current.webhookUrl ?? "", requiresErasureAck: false } });
    return { updated: true };
  }
  const email = hook.email.toLowerCase();
  if (hook.action === "stalled-export") {
    // "Download my data" asked for, and its export claimed by a worker that stopped part-way (in
    // one transaction, so no running worker claims it first): the page shows the progress until
    // the lease runs out (end-export-lease). Asked for a day ago, so the one-per-day limit
    // (EXPORT_MIN_INTERVAL_HOURS) lets the person ask for a new one now.
    const person = await prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return runChange(system, async (tx, now) => {
      const { request, audit } = await insertDataRequest(tx, { actor: system, now, personId: person.id, type: "ACCESS", channel: "PORTAL", status: "IN_PROGRESS" });
      const created = await tx.dataExport.create({
        data: { requestId: request.id, status: "BUILDING", claimedBy: "e2e-stalled-worker", claimedAt: now, attempts: 1, progress: hook.progress, createdAt: new Date(now.getTime() - 24 * 60 * 60 * 1000 - 60_000) },
        select: { id: true },
      });
      // Its build job, taken by that worker on a lease that has not run out yet.
      const jobId = await enqueueJob(tx, exportBuildJob({ exportId: created.id, personId: person.id }), now);
      await tx.job.update({ where: { id: jobId! }, data: { status: "RUNNING", attempts: 1, leasedBy: "e2e-stalled-worker", leaseUntil: new Date(now.getTime() + 60 * 60_000) } });
      return { result: { requestId: request.id, exportId: created.id }, audit };
    });
  }
  if (hook.action === "person-id") {
    const person = await prisma.person.findUnique({ where: { email }, select: { id: true } });
    return { personId: person?.id ?? null };
  }
  if (hook.action === "mint-unsubscribe-token") {
    const person = await prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const expiresAt = new Date(Date.now() + hook.expiresInSeconds * 1000);
    return { token: await mintUnsubscribeToken({ personId: person.id, purposeKey: hook.purposeKey, expiresAt }, new Date(Math.min(Date.now(), expiresAt.getTime() - 1000))) };
  }
  if (hook.action === "consent-trail") {
    const person = await prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const outbox = await prisma.outboxEvent.findMany({ where: { personId: person.id, type: "consent.updated" }, orderBy: { sequence: "asc" }, select: { sequence: true, payload: true } });
    const audit = await prisma.auditEntry.findMany({ where: { personId: person.id, action: { startsWith: "consent." } }, orderBy: { id: "asc" }, select: { action: true } });
    return { outbox: outbox.map((e) => ({ sequence: e.sequence, data: (e.payload as { data: unknown }).data })), audit: audit.map((a) => a.action) };
  }
  if (hook.action === "expire-sign-in-links") {
    const { count } = await prisma.verificationToken.updateMany({ where: { identifier: email }, data: { expires: new Date(Date.now() - 1000) } });
    return { expired: count };
  }
  if (hook.action === "age-sessions") {
    const sessions = await prisma.session.findMany({ where: { user: { email } }, select: { id: true, createdAt: true } });
    for (const s of sessions) {
      await prisma.session.update({ where: { id: s.id }, data: { createdAt: new Date(s.createdAt.getTime() - hook.minutes * 60_000) } });
    }
    return { aged: sessions.length };
  }
  const user = (await prisma.user.findUnique({ where: { email } })) ?? (await createUserForEmail({ email, emailVerified: new Date() }, [], prisma));
  const sessionToken = randomBytes(32).toString("hex");
  await prisma.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 60 * 60 * 1000) } });
  return { sessionToken, userId: user.id };
}
