import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { PrismaClient } from "@/lib/db/generated/client";
import { runChange } from "@/lib/changes/run-change";
import { migrate } from "@/lib/db/migrate";
import { runWritersInParallel } from "../support/append-audit-writers";
import { sequenceAuditLog } from "../support/sequence-audit-log";
import { createEmptyDatabase, setupTestDatabase, testBackend, type TestDatabase } from "../support/test-database";

const appendMany = (prisma: PrismaClient, count: number, actor: Actor) =>
  Promise.all(
    Array.from({ length: count }, (_, i) =>
      runChange(actor, async () => ({ result: i, audit: { action: "test.appended", target: `${actor.id}:${i}`, details: { i } } }), { prisma }),
    ),
  );

/** One writer appending one entry after another, as a process serving requests would. */
async function appendInTurn(prisma: PrismaClient, count: number, actor: Actor) {
  for (let i = 0; i < count; i += 1) {
    await runChange(actor, async () => ({ result: i, audit: { action: "test.appended", target: `${actor.id}:${i}` } }), { prisma });
  }
}

describe("the audit chain", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await setupTestDatabase();
  });
  afterAll(async () => t.drop());

  it("stays one intact chain under 200 concurrent changes", async () => {
    await appendMany(t.database.prisma, 200, { kind: "SYSTEM", id: "load" });
    await sequenceAuditLog(t.database.prisma);
    expect(await verifyAuditChain(t.database.prisma)).toEqual({ intact: true, entries: 200 });
    const seqs = (await t.database.prisma.auditEntry.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const targets = await t.database.prisma.auditEntry.findMany({ select: { target: true } });
    expect(new Set(targets.map((e) => e.target)).size).toBe(200);
  });

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const attempts = [
      `UPDATE "AuditEntry" SET "action" = 'forged' WHERE "seq" = 1`,
      `DELETE FROM "AuditEntry" WHERE "seq" = 200`,
      `TRUNCATE "AuditEntry"`,
    ];
    for (const statement of attempts) {
      await expect(t.database.withConnection((sql) => sql.query(statement))).rejects.toThrow(/append-only/);
    }
    await expect(t.database.prisma.auditEntry.deleteMany({})).rejects.toThrow();
    expect(await t.database.prisma.auditEntry.count()).toBe(200);
    expect((await t.database.prisma.auditEntry.findUniqueOrThrow({ where: { seq: 1 } })).action).toBe("test.appended");
    expect(await verifyAuditChain(t.database.prisma)).toEqual({ intact: true, entries: 200 });
  });

  it("reports the first tampered entry when a superuser bypasses the trigger", async () => {
    await t.database.withConnection(async (sql) => {
      await sql.query(`SET session_replication_role = replica`);
      try {
        await sql.query(`UPDATE "AuditEntry" SET "action" = 'person.viewed' WHERE "seq" = 57`);
      } finally {
        await sql.query(`RESET session_replication_role`);
      }
    });
    expect((await t.database.prisma.auditEntry.findUniqueOrThrow({ where: { seq: 57 } })).action).toBe("person.viewed");
    expect(await verifyAuditChain(t.database.prisma)).toEqual({ intact: false, entries: 56, brokenAt: 57, reason: "content" });
    // Only that session bypassed the trigger.
    await expect(t.database.withConnection((sql) => sql.query(`DELETE FROM "AuditEntry" WHERE "seq" = 58`))).rejects.toThrow(/append-only/);
  });
});

describe("the audit chain across writers", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createEmptyDatabase();
    await migrate(t.database);
  });
  afterAll(async () => t.drop());

  it("stays intact when two writers append 100 entries each at the same time", async () => {
    if (testBackend() === "postgres") {
      // Two separate processes, as two app instances or workers would be.
      await runWritersInParallel(t.url!, 100, ["writer-a", "writer-b"]);
    } else {
      // PGlite is one process: two concurrent writers in it.
      await Promise.all(["writer-a", "writer-b"].map((id) => appendInTurn(t.database.prisma, 100, { kind: "SYSTEM", id })));
    }
    await sequenceAuditLog(t.database.prisma);
    expect(await verifyAuditChain(t.database.prisma)).toEqual({ intact: true, entries: 200 });
    const entries = await t.database.prisma.auditEntry.findMany({ select: { actorId: true }, orderBy: { seq: "asc" } });
    expect(entries.filter((e) => e.actorId === "writer-a")).toHaveLength(100);
    expect(entries.filter((e) => e.actorId === "writer-b")).toHaveLength(100);
    // The writers really ran at the same time: their entries interleave in the chain.
    const switches = entries.filter((e, i) => i > 0 && e.actorId !== entries[i - 1]!.actorId).length;
    expect(switches).toBeGreaterThan(1);
  }, 120_000);
});
