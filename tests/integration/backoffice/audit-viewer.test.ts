// The audit viewer: filters by person, actor, action and time; verifies the chain (intact, or
// the first broken entry); exports the filtered entries as CSV, itself audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { exportAuditEntries } from "@/lib/audit/export-audit-entries";
import { findAuditEntries } from "@/lib/audit/find-audit-entries";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import { runChange } from "@/lib/changes/run-change";
import { createPerson } from "../../factories/persons";
import { createStaff, staffActor } from "../../factories/staff";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let officer: Awaited<ReturnType<typeof createStaff>>;
let personId: string;
const append = (actor: Actor, action: string, person: string | null, now: Date) =>
  runChange(actor, async () => ({ result: undefined, audit: { action, personId: person, details: { note: "=cmd|' /C calc'!A0" } } }), { now });

beforeAll(async () => {
  t = await setupTestDatabase();
  officer = await createStaff(t.database.prisma, "PRIVACY_OFFICER");
  personId = (await createPerson(t.database.prisma)).id;
  const other = (await createPerson(t.database.prisma)).id;
  const system: Actor = { kind: "SYSTEM", id: "crm-system" };
  await append(officer.actor, "person.viewed", personId, new Date("2026-03-01T10:00:00Z"));
  await append(system, "consent.granted", personId, new Date("2026-03-02T10:00:00Z"));
  await append(system, "consent.withdrawn", personId, new Date("2026-03-05T10:00:00Z"));
  await append(officer.actor, "person.viewed", other, new Date("2026-03-06T10:00:00Z"));
  await sequenceAuditLog(t.database.prisma);
});
afterAll(async () => t.drop());

const actions = async (filter: Record<string, unknown>) => (await findAuditEntries({ actor: officer.actor, filter })).entries.map((e) => e.action);

describe("the audit viewer", () => {
  it("filters by person, actor (id or staff email), action or action prefix, and days", async () => {
    expect(await actions({ personId })).toEqual(["consent.withdrawn", "consent.granted", "person.viewed"]);
    expect(await actions({ actor: "crm-system" })).toEqual(["consent.withdrawn", "consent.granted"]);
    expect(await actions({ actor: officer.user.email, action: "person.viewed" })).toEqual(["person.viewed", "person.viewed"]);
    expect(await actions({ action: "consent.*", personId })).toEqual(["consent.withdrawn", "consent.granted"]);
    expect(await actions({ personId, from: "2026-03-02", to: "2026-03-04" })).toEqual(["consent.granted"]);
    const page = await findAuditEntries({ actor: officer.actor, filter: { personId, take: 2 } });
    expect(page.nextBefore).not.toBeNull();
    expect((await findAuditEntries({ actor: officer.actor, filter: { personId, take: 2, before: page.nextBefore } })).entries.map((e) => e.action)).toEqual(["person.viewed"]);
    const viewed = (await findAuditEntries({ actor: officer.actor, filter: { personId, action: "person.viewed" } })).entries[0]!;
    expect(viewed.actorEmail).toBe(officer.user.email);
    const bad = await findAuditEntries({ actor: officer.actor, filter: { from: "2026-03-05", to: "2026-03-01" } }).catch((e) => e);
    expect(bad.options.fields.to).toBe("rangeInvalid");
  });

  it("exports the filtered entries as CSV with their hashes, defused for spreadsheets, and audits the export", async () => {
    let csv = "";
    for await (const part of await exportAuditEntries({ actor: officer.actor, filter: { personId, action: "consent." } })) csv += part;
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("seq,at,actorKind,actorId,action,personId,target,details,ipHash,prevHash,hash");
    expect(lines.slice(1).map((l) => l.split(",")[4])).toEqual(["consent.granted", "consent.withdrawn"]);
    expect(lines[1]).toContain(`"{""note"":""=cmd|' /C calc'!A0""}"`);
    expect(lines[1]).toMatch(/,[0-9a-f]{64}$/);
    const exported = await t.database.prisma.auditEntry.findFirstOrThrow({ where: { action: "audit.exported" } });
    expect(exported).toMatchObject({ actorId: officer.user.id, details: { filter: { personId, action: "consent." }, role: "PRIVACY_OFFICER" } });
  });

  it("defuses a value that starts like a formula", async () => {
    const { defusedCsvField } = await import("@/lib/csv/csv-field");
    expect(defusedCsvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(defusedCsvField("-1")).toBe("'-1");
    expect(defusedCsvField('a,"b"')).toBe('"a,""b"""');
  });

  it("verifies the chain: intact, then the first broken entry", async () => {
    expect(await verifyAuditTrail({ actor: officer.actor })).toMatchObject({ intact: true });
    await t.database.withConnection(async (sql) => {
      await sql.query(`SET session_replication_role = replica`);
      try {
        await sql.query(`UPDATE "AuditEntry" SET "action" = 'person.updated' WHERE "seq" = 2`);
      } finally {
        await sql.query(`RESET session_replication_role`);
      }
    });
    expect(await verifyAuditTrail({ actor: officer.actor })).toMatchObject({ intact: false, brokenAt: 2, reason: "content" });
  });

  it("lists an entry waiting to be sealed without a seq, and exports it after the sealed ones with no hashes", async () => {
    await append(officer.actor, "person.viewed", personId, new Date("2026-03-07T10:00:00Z"));
    const [newest, previous] = (await findAuditEntries({ actor: officer.actor, filter: { personId } })).entries;
    expect(newest).toMatchObject({ action: "person.viewed", seq: null, hash: null });
    expect(previous!.seq).toEqual(expect.any(Number));
    let csv = "";
    for await (const part of await exportAuditEntries({ actor: officer.actor, filter: { personId } })) csv += part;
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows.map((r) => r.split(",")[0])).toEqual(["1", "2", "3", ""]);
    expect(rows.at(-1)).toMatch(/,,$/);
    await sequenceAuditLog(t.database.prisma);
    expect((await findAuditEntries({ actor: officer.actor, filter: { personId } })).entries[0]!.seq).toEqual(expect.any(Number));
  });

  it("is for privacy officers and admins", async () => {
    for (const role of ["CUSTOMER", "SUPPORT"] as const) {
      await expect(findAuditEntries({ actor: staffActor(role), filter: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportAuditEntries({ actor: staffActor(role), filter: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(verifyAuditTrail({ actor: staffActor(role) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await findAuditEntries({ actor: staffActor("ADMIN"), filter: { personId } })).entries.length).toBeGreaterThan(0);
  });
});
