import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/lib/db/connection";
import { createSystem } from "../factories/systems";

/** A receiver that answers 200 at once and counts; the same for both sides. */
async function startCountingReceiver() {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      count += 1;
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    count: () => count,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The ceiling: the same number of POSTs of a like body, at the same concurrency, keep-alive. */
async function plainPostLoop(url: string, count: number, concurrency: number, body: string): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await new Promise<void>((resolve, reject) => {
          const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json" } }, (res) => res.resume().on("end", resolve));
          req.on("error", reject);
          req.end(body);
        });
      }
    }),
  );
  agent.destroy();
  return count / ((performance.now() - start) / 1000);
}

/** Events in the outbox → deliveries confirmed SUCCEEDED, per second, with a running worker; then the ceiling. */
export async function measureFanOut(database: Database, { events, concurrency }: { events: number; concurrency: number }) {
  const receiver = await startCountingReceiver();
  const system = await createSystem({ webhookUrl: receiver.url, eventTypes: ["purpose.retired"] });
  const tag = system.key;
  const start = performance.now();
  await database.withConnection((sql) =>
    sql.query(
      `INSERT INTO "OutboxEvent" ("id", "type", "payload", "occurredAt")
       SELECT 'evt_' || $1 || '_' || n, 'purpose.retired', jsonb_build_object('id', 'evt_' || $1 || '_' || n, 'type', 'purpose.retired', 'personId', null, 'sequence', null, 'externalIds', '{}'::jsonb, 'data', jsonb_build_object('purposeKey', 'bench', 'n', n)), now()
       FROM generate_series(1, $2::int) AS n`,
      [tag, events],
    ),
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    const done = await database.prisma.delivery.count({ where: { systemId: system.id, status: "SUCCEEDED" } });
    if (done >= events) break;
    if (Date.now() > deadline) throw new Error(`fan-out bench: only ${done} of ${events} delivered in 120 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const ours = events / ((performance.now() - start) / 1000);
  const body = JSON.stringify({ id: `evt_${tag}_1`, type: "purpose.retired", occurredAt: new Date().toISOString(), personId: null, sequence: null, externalIds: {}, data: { purposeKey: "bench", n: 1 } });
  const ceiling = await plainPostLoop(receiver.url, events, concurrency, body);
  await database.prisma.connectedSystem.update({ where: { id: system.id }, data: { active: false } });
  await receiver.close();
  return { ours, ceiling };
}
