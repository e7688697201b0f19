// Work waiting when erasures, exports and imports moved onto the queue is not left behind: the
// migration queues a job for every open scheduled erasure and every export still to build, as the
// code would have, and nothing for what is closed; the queue then runs them.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, installDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { runQueue } from "../../support/run-queue";
import { createEmptyDatabase, type TestDatabase } from "../../support/test-database";

const SOURCE = path.resolve("prisma/migrations");
const MIGRATION = "20261202130000_queue_erasures_exports";
const DAY = 24 * 60 * 60 * 1000;

let t: TestDatabase;
let before: string;
beforeAll(async () => {
  t = await createEmptyDatabase();
  // The migrations up to the one under test.
  before = mkdtempSync(path.join(tmpdir(), "omadata-before-queue-"));
  for (const name of readdirSync(SOURCE)) if (name < MIGRATION) cpSync(path.join(SOURCE, name), path.join(before, name), { recursive: true });
  await migrate(t.database, before);
  installDatabase(t.database);
});
afterAll(async () => {
  rmSync(before, { recursive: true, force: true });
  await closeDatabase().catch(() => {});
  await t.drop();
});

/** Rows as the old code left them, in SQL (the client knows only today's schema). */
async function seed(now: Date) {
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const statements: [string, unknown[]][] = [];
  const person = (id: string) => statements.push([`INSERT INTO "Person" ("id", "email", "givenName", "createdAt", "updatedAt") VALUES ($1, $2, 'Vanha', $3, $3)`, [id, `${id}@example.test`, at(-20 * DAY)]]);
  const request = (id: string, personId: string, type: string, status: string, scheduledFor: string | null) =>
    statements.push([
      `INSERT INTO "DataRequest" ("id", "personId", "type", "channel", "status", "receivedAt", "dueAt", "scheduledFor", "updatedAt") VALUES ($1, $2, $3::"DataRequestType", 'PORTAL', $4::"DataRequestStatus", $5, $6, $7, $5)`,
      [id, personId, type, status, at(-15 * DAY), at(15 * DAY), scheduledFor],
    ]);
  for (const id of ["p-due", "p-later", "p-cancelled", "p-export"]) person(id);
  request("r-due", "p-due", "ERASURE", "RECEIVED", at(-DAY));
  request("r-later", "p-later", "ERASURE", "RECEIVED", at(3 * DAY));
  request("r-cancelled", "p-cancelled", "ERASURE", "CANCELLED", at(-DAY));
  request("r-export", "p-export", "ACCESS", "IN_PROGRESS", null);
  statements.push([`INSERT INTO "DataExport" ("id", "requestId", "status", "createdAt") VALUES ('x-pending', 'r-export', 'PENDING', $1)`, [at(-DAY)]]);
  await t.database.withConnection(async (sql) => {
    for (const [text, values] of statements) await sql.query(text, values);
  });
}

describe(`migration ${MIGRATION}`, () => {
  it("queues the open scheduled erasures and the exports to build, each once, and the queue runs them", async () => {
    const prisma = t.database.prisma;
    const now = new Date();
    await seed(now);
    expect(await migrate(t.database)).toMatchObject({ applied: expect.arrayContaining([MIGRATION]) });

    const jobs = await prisma.job.findMany({ orderBy: { dedupeKey: "asc" }, select: { kind: true, key: true, dedupeKey: true, personId: true, payload: true, status: true, runAt: true, maxAttempts: true } });
    expect(jobs).toEqual([
      { kind: "erasure.execute", key: "erasure:r-due", dedupeKey: "erasure:r-due", personId: "p-due", payload: { requestId: "r-due" }, status: "PENDING", runAt: new Date(now.getTime() - DAY), maxAttempts: 8 },
      { kind: "erasure.execute", key: "erasure:r-later", dedupeKey: "erasure:r-later", personId: "p-later", payload: { requestId: "r-later" }, status: "PENDING", runAt: new Date(now.getTime() + 3 * DAY), maxAttempts: 8 },
      { kind: "export.build", key: "export:x-pending", dedupeKey: "export:x-pending", personId: "p-export", payload: { exportId: "x-pending" }, status: "PENDING", runAt: expect.any(Date), maxAttempts: 3 },
    ]);
    // Queued "now" in UTC, whatever the session's time zone.
    expect(Math.abs(jobs[2]!.runAt.getTime() - Date.now())).toBeLessThan(60_000);

    await runQueue(prisma, new Date(Date.now() + 1000));
    expect((await prisma.person.findUniqueOrThrow({ where: { id: "p-due" } })).erasedAt).not.toBeNull();
    expect((await prisma.person.findUniqueOrThrow({ where: { id: "p-later" } })).erasedAt).toBeNull();
    expect((await prisma.person.findUniqueOrThrow({ where: { id: "p-cancelled" } })).erasedAt).toBeNull();
    expect((await prisma.dataExport.findUniqueOrThrow({ where: { id: "x-pending" } })).status).toBe("READY");
  });
});
