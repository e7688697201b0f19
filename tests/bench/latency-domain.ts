// Where a bulk consent check and a staff search spend their time, without HTTP: the domain
// functions (checkConsents, searchPersons) called one at a time in a loop on the large data,
// with the statements each sends, its wall and CPU time, and for the check the cost of the
// body's validation and of the answer's JSON. Complements `npm run bench:latency` (HTTP).
//   DATABASE_URL: a PostgreSQL database holding the large data (`npm run seed:large`).
//   LATENCY_RUNS (50).
import pg from "pg";
import { randomUUID } from "node:crypto";

const runs = Number(process.env.LATENCY_RUNS ?? 50);
if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to a database with the large data (npm run seed:large).");

// Count every statement sent through the pool (the Prisma adapter and raw connections alike).
let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

const { db, closeDatabase } = await import("@/lib/db/client");
const { checkConsents } = await import("@/lib/integration/check-consents");
const { consentCheckBodySchema, consentCheckResultSchema } = await import("@/lib/api/schemas");
const { searchPersons } = await import("@/lib/search/search-persons");
const { startSearchSession } = await import("@/lib/search/start-search-session");
const { largePersonId, LARGE_FAMILY_NAMES } = await import("../../scripts/seed-large");
const { misspell } = await import("./search");
const { percentile } = await import("./cluster");

const prisma = await db();
const persons = await prisma.person.count();
const purposes = (await prisma.purpose.findMany({ where: { retiredAt: null, currentVersion: { gt: 0 } }, select: { key: true } })).map((p) => p.key).slice(0, 3);
const system = await prisma.externalIdentity.findFirst({ where: { externalId: "LCRM-1" }, select: { system: true } });
if (!system) throw new Error("No large data here: run npm run seed:large first.");

const pick = <T,>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)]!;
const checkBody = () => {
  const start = Math.floor(Math.random() * (persons - 1000 - 10));
  const refs = Array.from({ length: 1000 }, (_, i) => (i % 2 ? { id: largePersonId(start + i + 1) } : { externalId: `LCRM-${start + i + 1}` }));
  return JSON.stringify({ purposes, persons: refs });
};

interface Sample {
  wall: number;
  cpu: number;
  statements: number;
}
async function measure(name: string, work: () => Promise<unknown>) {
  for (let i = 0; i < 10; i += 1) await work();
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i += 1) {
    const before = statements;
    const cpu = process.cpuUsage();
    const start = performance.now();
    await work();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    samples.push({ wall, cpu: (used.user + used.system) / 1000, statements: statements - before });
  }
  const of = (k: keyof Sample) => samples.map((s) => s[k]);
  console.log(
    `${name.padEnd(44)} wall p50 ${percentile(of("wall"), 50).toFixed(1)} ms, p95 ${percentile(of("wall"), 95).toFixed(1)} ms; ` +
      `CPU p50 ${percentile(of("cpu"), 50).toFixed(1)} ms; statements ${percentile(of("statements"), 50)}`,
  );
}

const text = checkBody();
const body = consentCheckBodySchema.parse(JSON.parse(text));
const result = await checkConsents({ systemKey: system.system, ...body });
console.log(`${persons.toLocaleString("en")} persons; a check body of ${(text.length / 1024).toFixed(0)} KiB, its answer ${(JSON.stringify(result).length / 1024).toFixed(0)} KiB; purposes ${purposes.join(", ")}`);

await measure("check: JSON.parse + zod body", async () => consentCheckBodySchema.parse(JSON.parse(checkBody())));
await measure("check: checkConsents (1,000 persons)", async () => checkConsents({ systemKey: system.system, ...consentCheckBodySchema.parse(JSON.parse(checkBody())) }));
await measure("check: JSON.stringify answer", async () => JSON.stringify(result));
await measure("check: answer schema (not run per call)", async () => consentCheckResultSchema.parse(result));

const staffId = randomUUID();
const actor = { kind: "STAFF" as const, id: staffId, role: "SUPPORT" as const };
await startSearchSession({ actor, input: { reasonCode: "support_call" } });
await measure("search: misspelt surname", () => searchPersons({ actor, input: { q: misspell(pick(LARGE_FAMILY_NAMES)) } }));
await measure("search: external id", () => searchPersons({ actor, input: { q: `LCRM-${1 + Math.floor(Math.random() * persons)}` } }));
await closeDatabase();
