// A change reaches a real local receiver as a signed webhook; tampering, retries, failure, replay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { correctPerson } from "@/lib/persons/correct-person";
import { replayFailedDeliveries } from "@/lib/propagation/replay-failed-deliveries";
import { workerJobs } from "@/lib/worker/jobs";
import { startWorker, type RunningWorker } from "@/lib/worker/run-worker";
import { startReceiver } from "@/scripts/example-receiver";
import { createPerson } from "../../factories/persons";
import { createSystem, systemAdmin } from "../../factories/systems";
import { freePort, startRelay, waitFor } from "../../support/http-servers";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let worker: RunningWorker;
beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_RETRY_SCHEDULE: "0,1,1", WEBHOOK_TIMEOUT_MS: "2000" });
  t = await setupTestDatabase();
  worker = startWorker(t.database.prisma, { pollMs: 50, jobs: workerJobs });
});
afterAll(async () => {
  await worker.stop();
  await t.drop();
});

const deliveriesOf = (systemId: string) =>
  t.database.prisma.delivery.findMany({ where: { systemId }, orderBy: { createdAt: "asc" }, include: { attemptLog: { orderBy: { startedAt: "asc" } } } });
/** The receiver answers before the worker records the answer: wait for the record. */
const waitForStatus = (systemId: string, statuses: string[]) =>
  waitFor(async () => {
    const rows = await deliveriesOf(systemId);
    return rows.length === statuses.length && rows.every((d, i) => d.status === statuses[i]) ? rows : null;
  }, { what: `deliveries ${statuses.join(", ")}` });
const correct = (personId: string, input: Record<string, string>) => correctPerson({ actor: { kind: "PERSON", id: "u1" }, personId, input, source: "PERSON" });

describe("webhook delivery", () => {
  it("brings a profile correction to a real receiver whose standardwebhooks verification passes; an altered body fails it", async () => {
    const secrets: string[] = [];
    const receiver = await startReceiver({ secrets });
    const relay = await startRelay(receiver.url);
    const system = await createSystem({ webhookUrl: relay.url, eventTypes: ["person.updated"] });
    secrets.push(system.secret);
    expect(system.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const person = await createPerson(t.database.prisma, {}, [{ system: system.key, externalId: "C-1" }]);
    await correct(person.id, { familyName: "Virtanen" });
    await waitFor(() => receiver.applied.length === 1, { what: "the first webhook" });
    await waitForStatus(system.id, ["SUCCEEDED"]);
    const { event, webhookId } = receiver.applied[0]!;
    expect(event).toMatchObject({ type: "person.updated", personId: person.id, sequence: 1, externalIds: { [system.key]: ["C-1"] } });
    expect(event.data).toMatchObject({ changedFields: ["familyName"], values: { familyName: "Virtanen" } });
    let [delivery] = await deliveriesOf(system.id);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", webhookId, attempts: 1, lastStatusCode: 200 });
    expect(delivery!.attemptLog.map((a) => a.statusCode)).toEqual([200]);

    // One character changed in transit: the receiver's verification refuses it (401) and the
    // delivery waits for its next try, which goes through untouched.
    relay.transform = (body) => body.replace("Korhonen", "Korhonem");
    await correct(person.id, { familyName: "Korhonen" });
    await waitFor(() => receiver.rejected === 1, { what: "the altered webhook to be refused" });
    relay.transform = (body) => body;
    await waitFor(() => receiver.applied.length === 2, { what: "the retry" });
    await waitForStatus(system.id, ["SUCCEEDED", "SUCCEEDED"]);
    [, delivery] = await deliveriesOf(system.id);
    expect(delivery!.attemptLog.map((a) => a.statusCode)).toEqual([401, 200]);
    expect(receiver.applied[1]).toMatchObject({ webhookId: delivery!.webhookId, event: { sequence: 2, data: { values: { familyName: "Korhonen" } } } });
    await relay.close();
    await receiver.close();
  });

  it("retries while the receiver is down and delivers once it is back, with the same webhook-id", async () => {
    const port = await freePort();
    const secrets: string[] = [];
    const system = await createSystem({ webhookUrl: `http://127.0.0.1:${port}/hooks`, eventTypes: ["person.updated"] });
    secrets.push(system.secret);
    const person = await createPerson(t.database.prisma);
    await correct(person.id, { city: "Oulu" });
    await waitFor(async () => (await deliveriesOf(system.id))[0]?.attemptLog.length === 1, { what: "the first, failed try" });
    const receiver = await startReceiver({ secrets, port });
    await waitFor(() => receiver.applied.length === 1, { what: "the retry after the receiver came back" });
    await waitForStatus(system.id, ["SUCCEEDED"]);
    const [delivery] = await deliveriesOf(system.id);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 2, webhookId: receiver.applied[0]!.webhookId });
    expect(delivery!.attemptLog[0]!.error).toMatch(/ECONNREFUSED/);
    expect(delivery!.attemptLog[1]!.statusCode).toBe(200);
    // The schedule's second entry (1 s) separates the tries.
    expect(delivery!.attemptLog[1]!.startedAt.getTime() - delivery!.attemptLog[0]!.startedAt.getTime()).toBeGreaterThanOrEqual(900);
    await receiver.close();
  });

  it("marks a delivery FAILED when the schedule is used up, and a replay delivers it with the same webhook-id", async () => {
    const port = await freePort();
    const secrets: string[] = [];
    const system = await createSystem({ webhookUrl: `http://127.0.0.1:${port}/hooks`, eventTypes: ["person.updated"] });
    secrets.push(system.secret);
    const person = await createPerson(t.database.prisma);
    await correct(person.id, { city: "Turku" });
    await waitFor(async () => (await deliveriesOf(system.id))[0]?.status === "FAILED", { what: "FAILED" });
    let [delivery] = await deliveriesOf(system.id);
    expect(delivery).toMatchObject({ attempts: 3, nextAttemptAt: null });
    expect(delivery!.lastError).toMatch(/ECONNREFUSED/);
    expect(delivery!.attemptLog).toHaveLength(3);

    const receiver = await startReceiver({ secrets, port });
    expect(await replayFailedDeliveries({ actor: systemAdmin, systemId: system.id })).toEqual({ replayed: 1 });
    await waitFor(() => receiver.applied.length === 1, { what: "the replay" });
    await waitForStatus(system.id, ["SUCCEEDED"]);
    [delivery] = await deliveriesOf(system.id);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 1, webhookId: receiver.applied[0]!.webhookId });
    expect(delivery!.attemptLog).toHaveLength(4);
    await receiver.close();
  });
});
