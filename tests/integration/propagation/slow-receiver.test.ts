// A system whose receiver is slow holds at most its share of the sender's slots while another
// system has work: the other's deliveries go out meanwhile instead of queueing behind it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { correctPerson } from "@/lib/persons/correct-person";
import { deliverDueWebhooks, deliverySettings } from "@/lib/propagation/deliver-due-webhooks";
import { createPerson } from "../../factories/persons";
import { createSystem } from "../../factories/systems";
import { waitFor } from "../../support/http-servers";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
const servers: http.Server[] = [];
beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_TIMEOUT_MS: "10000", WEBHOOK_CONCURRENCY: "4" });
  t = await setupTestDatabase();
});
afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await t.drop();
});

/** A receiver that answers 200 after `delayMs`, counting the answers it gave. */
async function receiver(delayMs: number) {
  const state = { answered: 0 };
  const server = http.createServer((req, res) => {
    req.resume().on("end", () => setTimeout(() => {
      state.answered += 1;
      res.writeHead(200).end("ok");
    }, delayMs));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, state };
}

describe("a slow receiver", () => {
  it("does not hold back another system's deliveries", async () => {
    const prisma = t.database.prisma;
    const slow = await receiver(2_000);
    const fast = await receiver(0);
    const slowSystem = await createSystem({ webhookUrl: slow.url, eventTypes: ["person.updated"] });
    const fastSystem = await createSystem({ webhookUrl: fast.url, eventTypes: ["person.updated"] });
    for (let i = 0; i < 12; i++) {
      const person = await createPerson(prisma);
      await correctPerson({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { city: `Kaupunki ${i}` }, source: "PERSON" });
    }
    const context = { workerId: "w1", signal: new AbortController().signal };
    const pass = () => deliverDueWebhooks(prisma, new Date(), context, deliverySettings(), { fanOut: true });
    const first = pass();
    await waitFor(() => fast.state.answered >= 12, { timeoutMs: 60_000, what: "the fast system's 12 deliveries" });
    // With the slots taken in claim order, the slow system's tries would fill them all, and the
    // fast system would get one only as slow tries finished: most of them would be done by now.
    expect(slow.state.answered).toBeLessThan(4);
    await first;
    await waitFor(async () => {
      await pass();
      return (await prisma.delivery.count({ where: { systemId: slowSystem.id, status: "SUCCEEDED" } })) === 12;
    }, { timeoutMs: 120_000, what: "the slow system's deliveries" });
    expect(await prisma.delivery.count({ where: { systemId: fastSystem.id, status: "SUCCEEDED" } })).toBe(12);
  });
});
