// The reference receiver (scripts/example-receiver.ts) against the real worker and the API over
// HTTP: it acknowledges an erasure, de-duplicates, and drops updates older than it has seen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { runChange } from "@/lib/changes/run-change";
import { replayDelivery } from "@/lib/propagation/replay-delivery";
import { signWebhook } from "@/lib/propagation/sign-webhook";
import { workerJobs } from "@/lib/worker/jobs";
import { startWorker, type RunningWorker } from "@/lib/worker/run-worker";
import { startReceiver, type RunningReceiver } from "@/scripts/example-receiver";
import { createPerson } from "../../factories/persons";
import { createKey, createSystem, systemAdmin } from "../../factories/systems";
import { startApiServer } from "../../support/api-server";
import { waitFor } from "../../support/http-servers";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let worker: RunningWorker;
let apiServer: Awaited<ReturnType<typeof startApiServer>>;
let receiver: RunningReceiver;
let system: Awaited<ReturnType<typeof createSystem>>;
const secrets: string[] = [];

beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_RETRY_SCHEDULE: "0,1,1", WEBHOOK_TIMEOUT_MS: "3000" });
  t = await setupTestDatabase();
  apiServer = await startApiServer();
  receiver = await startReceiver({ secrets, apiUrl: apiServer.url });
  system = await createSystem({ webhookUrl: receiver.url, eventTypes: ["person.updated", "person.erased"], requiresErasureAck: true });
  secrets.push(system.secret);
  worker = startWorker(t.database.prisma, { pollMs: 50, jobs: workerJobs });
});
afterAll(async () => {
  await worker.stop();
  await receiver.close();
  await apiServer.close();
  await t.drop();
});

describe("reference receiver", () => {
  it("acknowledges an erasure through the API, and the acknowledgement is tied to the delivery", async () => {
    const key = await createKey(system.id, ["events:ack"]);
    await receiver.close();
    receiver = await startReceiver({ secrets, apiUrl: apiServer.url, apiKey: key, port: receiver.port });
    const person = await createPerson(t.database.prisma, {}, [{ system: system.key, externalId: "CRM-9" }]);
    // What the erasure work emits: identifiers only, never the erased data.
    await runChange({ kind: "WORKER", id: "test" }, async () => ({
      result: null,
      audit: { action: "test.erased", personId: person.id },
      events: [{ type: "person.erased", personId: person.id, data: { requestId: "req-1" } }],
    }));
    await waitFor(() => receiver.acknowledged.length === 1, { what: "the acknowledgement" });
    const [delivery] = await t.database.prisma.delivery.findMany({ where: { systemId: system.id, eventType: "person.erased" } });
    const ack = await t.database.prisma.acknowledgement.findFirstOrThrow({ where: { systemId: system.id } });
    expect(ack).toMatchObject({ eventId: receiver.acknowledged[0], deliveryId: delivery!.id, dataRequestId: "req-1", personId: person.id, status: "DONE" });
    expect(receiver.applied.at(-1)!.event).toMatchObject({ type: "person.erased", externalIds: { [system.key]: ["CRM-9"] }, data: { requestId: "req-1" } });

    // Sent again (a replay): the receiver knows the webhook-id and does nothing twice.
    await waitFor(async () => (await t.database.prisma.delivery.findUniqueOrThrow({ where: { id: delivery!.id } })).status === "SUCCEEDED");
    await replayDelivery({ actor: systemAdmin, deliveryId: delivery!.id });
    await waitFor(() => receiver.duplicates === 1, { what: "the duplicate" });
    expect(await t.database.prisma.acknowledgement.count({ where: { systemId: system.id } })).toBe(1);
  });

  it("ignores an event whose sequence is not above the last it applied for the person, keeping the later state", async () => {
    const state = (sequence: number) => ({ person: { id: "p-seq", givenName: `Name ${sequence}`, sequence }, consents: [], restricted: false, erased: false });
    const body = (sequence: number) =>
      JSON.stringify({ id: `evt_s${sequence}`, type: "person.updated", occurredAt: new Date().toISOString(), personId: "p-seq", sequence, externalIds: {}, data: { changedFields: ["givenName"], ...state(sequence) } });
    const post = (webhookId: string, text: string) =>
      fetch(receiver.url, { method: "POST", headers: { "content-type": "application/json", ...signWebhook({ webhookId, body: text, secrets, at: new Date() }) }, body: text });
    const applied = receiver.applied.length;
    expect((await post("msg_seq5", body(5))).status).toBe(200);
    const late = await post("msg_seq4", body(4));
    expect(await late.json()).toEqual({ stale: true });
    expect(receiver.applied.length).toBe(applied + 1);
    expect(receiver.stale).toBe(1);
    expect(receiver.replica.get("p-seq")).toEqual({ sequence: 5, ...state(5) });
  });
});
