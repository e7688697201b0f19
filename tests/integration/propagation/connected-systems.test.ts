// Managing connected systems: secrets (sealed, rotated), private URLs, 410 Gone, failing too
// long, test events, subscriptions, graceful shutdown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workerActor } from "@/lib/audit/actor";
import { overrideConfig } from "@/lib/config";
import { decryptSecret } from "@/lib/crypto/encryption";
import { correctPerson } from "@/lib/persons/correct-person";
import { claimDeliveries } from "@/lib/propagation/claim-deliveries";
import { deliverDueWebhooks, deliverySettings } from "@/lib/propagation/deliver-due-webhooks";
import { fanOutEvents } from "@/lib/propagation/fan-out-events";
import { webhookSecretContext } from "@/lib/propagation/generate-webhook-secret";
import { loadSigningSecrets } from "@/lib/propagation/load-signing-secrets";
import { releaseDeliveries } from "@/lib/propagation/release-deliveries";
import { rotateWebhookSecret } from "@/lib/propagation/rotate-webhook-secret";
import { sendTestEvent } from "@/lib/propagation/send-test-event";
import { updateConnectedSystem } from "@/lib/propagation/update-connected-system";
import { createPerson } from "../../factories/persons";
import { createSystem, systemAdmin } from "../../factories/systems";
import { startCaptureServer, waitFor } from "../../support/http-servers";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_RETRY_SCHEDULE: "0,0,0,0", WEBHOOK_TIMEOUT_MS: "2000" });
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

const job = (workerId = "w1") => ({ workerId, signal: new AbortController().signal });
/** One fan-out and one delivery pass, as the worker does. */
const pass = async (workerId = "w1") => {
  await fanOutEvents(t.database.prisma, new Date());
  await deliverDueWebhooks(t.database.prisma, new Date(), job(workerId));
};
const correction = (personId: string, city: string) => correctPerson({ actor: { kind: "PERSON", id: "u" }, personId, input: { city }, source: "PERSON" });
const systemRow = (id: string) => t.database.prisma.connectedSystem.findUniqueOrThrow({ where: { id } });

describe("connected systems", () => {
  it("keeps the signing secret sealed, shows it once, and refuses a taken key", async () => {
    const created = await createSystem({ eventTypes: [] });
    const [row] = await t.database.prisma.webhookSecret.findMany({ where: { systemId: created.id } });
    expect(row!.encryptedSecret).not.toContain(created.secret.slice(6, 20));
    expect(decryptSecret(row!.encryptedSecret, webhookSecretContext(row!.id))).toBe(created.secret);
    expect(await t.database.prisma.auditEntry.count({ where: { action: "system.created", target: `ConnectedSystem:${created.id}` } })).toBe(1);
    const again = await createSystem({ key: created.key }).catch((e) => e);
    expect(again).toMatchObject({ code: "CONFLICT", options: { fields: { key: "keyTaken" } } });
  });

  it("refuses webhook URLs on private networks unless they are allowed", async () => {
    overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "false" });
    try {
      for (const url of ["http://127.0.0.1:9/hook", "http://10.0.0.8/hook", "http://localhost:9/hook"]) {
        const error = await createSystem({ webhookUrl: url, eventTypes: ["person.updated"] }).catch((e) => e);
        expect(error).toMatchObject({ code: "VALIDATION", options: { fields: { webhookUrl: "urlRefused" } } });
      }
      const invalid = await createSystem({ webhookUrl: "gopher://x", eventTypes: ["person.updated"] }).catch((e) => e);
      expect(invalid.options.fields.webhookUrl).toBe("urlInvalid");
      const missing = await createSystem({ webhookUrl: "", eventTypes: ["person.updated"] }).catch((e) => e);
      expect(missing.options.fields.webhookUrl).toBe("urlRequired");
    } finally {
      overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_RETRY_SCHEDULE: "0,0,0,0", WEBHOOK_TIMEOUT_MS: "2000" });
    }
  });

  it("rotates: the old secret keeps signing beside the new one for 24 hours, then only the new one", async () => {
    const created = await createSystem();
    const { secret } = await rotateWebhookSecret({ actor: systemAdmin, systemId: created.id });
    expect(secret).not.toBe(created.secret);
    const now = new Date();
    expect(await loadSigningSecrets(t.database.prisma, created.id, now)).toEqual([secret, created.secret]);
    expect(await loadSigningSecrets(t.database.prisma, created.id, new Date(now.getTime() + 25 * 3600_000))).toEqual([secret]);
  });

  it("gives a manual system no secret; switched to webhooks it gets one, shown once; made manual again it loses it", async () => {
    const prisma = t.database.prisma;
    const manual = { name: "Old ledger", kind: "OTHER" as const, webhookUrl: "", eventTypes: [], requiresErasureAck: false, active: true, manual: true, ownerEmail: "owner@example.test", manualInstructions: "Delete by hand." };
    const created = await createSystem({ ...manual, key: undefined });
    expect(created.secret).toBeNull();
    expect(await prisma.webhookSecret.count({ where: { systemId: created.id } })).toBe(0);
    await expect(rotateWebhookSecret({ actor: systemAdmin, systemId: created.id })).rejects.toMatchObject({ code: "CONFLICT", options: { userMessage: "manualNoSecret" } });

    const webhooks = { ...manual, manual: false, webhookUrl: "http://127.0.0.1:9/hook", eventTypes: ["person.updated"] };
    const connected = await updateConnectedSystem({ actor: systemAdmin, systemId: created.id, input: webhooks });
    expect(connected.secret).toMatch(/^whsec_/);
    expect(await loadSigningSecrets(prisma, created.id, new Date())).toEqual([connected.secret]);
    // Saved again: the secret stays and is not shown again.
    expect((await updateConnectedSystem({ actor: systemAdmin, systemId: created.id, input: webhooks })).secret).toBeNull();
    expect(await loadSigningSecrets(prisma, created.id, new Date())).toEqual([connected.secret]);

    expect((await updateConnectedSystem({ actor: systemAdmin, systemId: created.id, input: manual })).secret).toBeNull();
    expect(await prisma.webhookSecret.count({ where: { systemId: created.id } })).toBe(0);
    expect(await prisma.auditEntry.findFirst({ where: { target: `ConnectedSystem:${created.id}`, action: "system.updated" }, orderBy: { id: "desc" }, select: { details: true } })).toMatchObject({ details: { manual: true, secretsDeleted: 1 } });
  });

  it("fans an event out only to active systems subscribed to its type, and sends a test event to one system only", async () => {
    const receiver = await startCaptureServer();
    const subscribed = await createSystem({ webhookUrl: receiver.url, eventTypes: ["person.updated"] });
    const other = await createSystem({ webhookUrl: receiver.url, eventTypes: ["consent.updated"] });
    const disabled = await createSystem({ webhookUrl: receiver.url, eventTypes: ["person.updated"] });
    await updateConnectedSystem({ actor: systemAdmin, systemId: disabled.id, input: { name: "Off", kind: "OTHER", webhookUrl: receiver.url, eventTypes: ["person.updated"], requiresErasureAck: false, active: false } });
    const person = await createPerson(t.database.prisma);
    await correction(person.id, "Lahti");
    await fanOutEvents(t.database.prisma, new Date());
    const bySystem = async (systemId: string) => t.database.prisma.delivery.count({ where: { systemId } });
    expect([await bySystem(subscribed.id), await bySystem(other.id), await bySystem(disabled.id)]).toEqual([1, 0, 0]);

    const { deliveryId } = await sendTestEvent({ actor: systemAdmin, systemId: other.id });
    await pass();
    const test = await t.database.prisma.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(test).toMatchObject({ systemId: other.id, eventType: "system.test", status: "SUCCEEDED" });
    expect(await bySystem(subscribed.id)).toBe(1);
    expect(JSON.parse(receiver.requests.find((r) => r.headers["webhook-id"] === test.webhookId)!.body)).toMatchObject({ type: "system.test", personId: null });
    await expect(sendTestEvent({ actor: systemAdmin, systemId: disabled.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await receiver.close();
  });

  it("disables a system that answers 410 Gone at once, with a notice; it gets nothing until enabled again", async () => {
    const receiver = await startCaptureServer();
    receiver.respond = () => 410;
    const system = await createSystem({ webhookUrl: receiver.url, eventTypes: ["person.updated"] });
    const person = await createPerson(t.database.prisma);
    await correction(person.id, "Pori");
    await pass();
    expect(await systemRow(system.id)).toMatchObject({ active: false, disabledReason: "gone" });
    const notices = await t.database.prisma.adminNotice.findMany({ where: { systemId: system.id } });
    expect(notices.map((n) => n.kind)).toEqual(["system.disabled.gone"]);
    const [gone] = await t.database.prisma.delivery.findMany({ where: { systemId: system.id } });
    expect(gone).toMatchObject({ status: "FAILED", lastStatusCode: 410, attempts: 1 });

    receiver.respond = () => 200;
    await correction(person.id, "Rauma");
    await pass();
    expect(await t.database.prisma.delivery.count({ where: { systemId: system.id } })).toBe(1);
    expect(receiver.requests).toHaveLength(1);

    await updateConnectedSystem({ actor: systemAdmin, systemId: system.id, input: { name: "Back", kind: "CRM", webhookUrl: receiver.url, eventTypes: ["person.updated"], requiresErasureAck: false, active: true } });
    await correction(person.id, "Naantali");
    await pass();
    expect(await t.database.prisma.delivery.count({ where: { systemId: system.id, status: "SUCCEEDED" } })).toBe(1);
    expect(await systemRow(system.id)).toMatchObject({ active: true, disabledReason: null, failingSince: null });
    expect(await t.database.prisma.adminNotice.count({ where: { systemId: system.id, resolvedAt: null } })).toBe(0);
    await receiver.close();
  });

  it("disables a system whose deliveries keep failing longer than WEBHOOK_DISABLE_AFTER_HOURS, with a notice", async () => {
    const receiver = await startCaptureServer();
    receiver.respond = () => 500;
    const system = await createSystem({ webhookUrl: receiver.url, eventTypes: ["person.updated"] });
    const person = await createPerson(t.database.prisma);
    await correction(person.id, "Kotka");
    await pass();
    const failing = await systemRow(system.id);
    expect(failing.active).toBe(true);
    expect(failing.failingSince).not.toBeNull();
    // Failing since long ago (the default period is 72 hours): the next failure disables it.
    await t.database.prisma.connectedSystem.update({ where: { id: system.id }, data: { failingSince: new Date(Date.now() - 73 * 3600_000) } });
    await pass();
    expect(await systemRow(system.id)).toMatchObject({ active: false, disabledReason: "failing" });
    const [notice] = await t.database.prisma.adminNotice.findMany({ where: { systemId: system.id } });
    expect(notice).toMatchObject({ kind: "system.disabled.failing" });
    expect(await t.database.prisma.auditEntry.count({ where: { action: "system.disabled", actorKind: workerActor().kind, target: `ConnectedSystem:${system.id}` } })).toBe(1);

    // What happens while it is disabled waits for it, and goes out once it is enabled again.
    receiver.respond = () => 200;
    await correction(person.id, "Loviisa");
    await pass();
    expect(await t.database.prisma.delivery.count({ where: { systemId: system.id, status: "PENDING" } })).toBe(2);
    await updateConnectedSystem({ actor: systemAdmin, systemId: system.id, input: { name: "Fixed", kind: "CRM", webhookUrl: receiver.url, eventTypes: ["person.updated"], requiresErasureAck: false, active: true } });
    await pass();
    expect(await t.database.prisma.delivery.count({ where: { systemId: system.id, status: "SUCCEEDED" } })).toBe(2);
    await receiver.close();
  });

  it("on shutdown finishes the try in flight and releases claims it did not start", async () => {
    const receiver = await startCaptureServer();
    const system = await createSystem({ webhookUrl: receiver.url, eventTypes: ["person.updated"] });
    const person = await createPerson(t.database.prisma);
    await correction(person.id, "Hamina");
    await correction(person.id, "Kouvola");
    await fanOutEvents(t.database.prisma, new Date());
    const claimed = await claimDeliveries(t.database.prisma, { workerId: "stopping", now: new Date(), limit: 10, leaseMs: 60_000 });
    const mine = claimed.filter((c) => c.systemId === system.id).map((c) => c.id);
    expect(mine).toHaveLength(2);
    expect(await releaseDeliveries(t.database.prisma, claimed.map((c) => c.id), "stopping")).toBe(claimed.length);
    const released = await t.database.prisma.delivery.findMany({ where: { id: { in: mine } } });
    expect(released.every((d) => d.status === "PENDING" && d.attempts === 0 && d.leasedBy === null)).toBe(true);

    // Stopping mid-batch: started tries finish and are recorded; the rest go back.
    let answered = 0;
    receiver.respond = () => {
      answered += 1;
      return 200;
    };
    const stop = new AbortController();
    const settings = { ...deliverySettings(), concurrency: 10 };
    await deliverDueWebhooks(t.database.prisma, new Date(), { workerId: "w2", signal: stop.signal }, settings);
    expect(answered).toBe(2);
    await correction(person.id, "Imatra");
    await fanOutEvents(t.database.prisma, new Date());
    stop.abort();
    expect(await deliverDueWebhooks(t.database.prisma, new Date(), { workerId: "w2", signal: stop.signal }, settings)).toBe(false);
    await waitFor(async () => (await t.database.prisma.delivery.count({ where: { systemId: system.id, status: "PENDING" } })) === 1, { what: "the third to wait" });
    await receiver.close();
  });
});
