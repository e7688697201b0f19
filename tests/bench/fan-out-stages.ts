// `tsx tests/bench/fan-out-stages.ts`: where a delivery's time goes, stage by stage, for
// BENCH_EVENTS (2000) events to one local receiver: fan-out into claimed deliveries, signing, HTTP,
// outcome writes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { overrideConfig } from "@/lib/config";
import type { ClaimedDelivery } from "@/lib/propagation/claim-deliveries";
import { fanOutAndClaim } from "@/lib/propagation/fan-out-events";
import { loadSigningSecrets } from "@/lib/propagation/load-signing-secrets";
import { recordDeliveryOutcomes, type DeliveryOutcome } from "@/lib/propagation/record-delivery-outcomes";
import { sendWebhook } from "@/lib/propagation/send-webhook";
import { signWebhook } from "@/lib/propagation/sign-webhook";
import { setupTestDatabase } from "../support/test-database";
import { createSystem } from "../factories/systems";

const env = process.env;
const pgUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL;
if (pgUrl) Object.assign(env, { TEST_DB_BACKEND: "postgres", TEST_DATABASE_URL: pgUrl });
env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
env.LOG_LEVEL ??= "warn";
const events = Number(env.BENCH_EVENTS ?? 2000);
const concurrency = Number(env.BENCH_CONCURRENCY ?? 16);
const claimSize = Number(env.BENCH_CLAIM ?? 500);
overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" });

const server = http.createServer((req, res) => req.resume().on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end("ok")));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
const t = await setupTestDatabase();
const ms = (start: number) => performance.now() - start;
const line = (stage: string, total: number) => console.log(`${stage.padEnd(34)} ${total.toFixed(0).padStart(6)} ms  ${((total * 1000) / events).toFixed(1).padStart(7)} µs/delivery`);
try {
  const prisma = t.database.prisma;
  const system = await createSystem({ webhookUrl: url, eventTypes: ["purpose.retired"] });
  await t.database.withConnection((sql) =>
    sql.query(
      `INSERT INTO "OutboxEvent" ("id", "type", "payload", "occurredAt")
       SELECT 'evt_' || n, 'purpose.retired', jsonb_build_object('id', 'evt_' || n, 'type', 'purpose.retired', 'data', jsonb_build_object('n', n)), now()
       FROM generate_series(1, $1::int) AS n`,
      [events],
    ),
  );
  let start = performance.now();
  const claimed: ClaimedDelivery[] = [];
  for (;;) {
    const fanned = await fanOutAndClaim(prisma, new Date(), { workerId: "stages", leaseMs: 60_000 }, claimSize);
    claimed.push(...fanned.claimed);
    if (fanned.events < claimSize) break;
  }
  line(`fan-out, inserted claimed (batches of ${claimSize})`, ms(start));

  start = performance.now();
  const secrets = await loadSigningSecrets(prisma, system.id, new Date());
  const signed = claimed.map((d) => ({ d, headers: signWebhook({ webhookId: d.webhookId, body: d.body, secrets, at: new Date() }) }));
  line("signing", ms(start));

  start = performance.now();
  const outcomes: DeliveryOutcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < signed.length) {
        const { d, headers } = signed[next++]!;
        const startedAt = new Date();
        const result = await sendWebhook({ url, body: d.body, headers, timeoutMs: 10_000, allowPrivate: true });
        outcomes.push({ delivery: d, result, startedAt, finishedAt: new Date() });
      }
    }),
  );
  line(`HTTP (sendWebhook, ${concurrency} at once)`, ms(start));

  start = performance.now();
  for (let i = 0; i < outcomes.length; i += 128) {
    await recordDeliveryOutcomes(prisma, outcomes.slice(i, i + 128), { workerId: "stages", schedule: [0], disableAfterHours: 72, failingSince: new Map() });
  }
  line("outcome writes (batches of 128)", ms(start));
  console.log(`succeeded: ${await prisma.delivery.count({ where: { status: "SUCCEEDED" } })} of ${events}`);
} finally {
  await t.drop();
  server.close();
}
