// CSV import of a CRM export: 10,000 rows with 50 bad ones. The dry run reports exactly those
// rows and writes nothing; the import streams the stored file a batch at a time (progress
// visible between batches), imports the rest, matches existing persons by email or phone, skips
// suppressed addresses and keeps consent evidence with source IMPORT.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getImportJob } from "@/lib/import/get-import-job";
import { runImportPass } from "@/lib/import/run-import-pass";
import { startImportJob } from "@/lib/import/start-import-job";
import { storeImportFile } from "@/lib/import/store-import-file";
import { suppressionHash } from "@/lib/suppression/suppression-hash";
import { createPublishedPurpose } from "../../factories/purposes";
import { createStaff } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

const ROWS = 10_000;
const stamp = `${Date.now()}`;
const dir = mkdtempSync(path.join(tmpdir(), "omadata-import-"));
const file = path.join(dir, "crm-export.csv");

/** What kind each data row i (1-based; file row i + 1) is. */
const isBad = (i: number) => i % 200 === 7;
const matchByEmail = (i: number) => !isBad(i) && i % 33 === 0;
const matchByPhone = (i: number) => !isBad(i) && !matchByEmail(i) && i % 199 === 0;
const suppressed = (i: number) => !isBad(i) && !matchByEmail(i) && !matchByPhone(i) && i % 500 === 250;
const email = (i: number) => `imp-${stamp}-${i}@example.test`;
const phone = (i: number) => `+35840${1_000_000 + i}`;

function csvRow(i: number): string {
  let cells = [`C${stamp}-${i}`, "Aino", `Tuonti${i}`, email(i), `040 ${1_000_000 + i}`, `Testikatu ${i} A 1`, "00100", "Helsinki", "FI", "fi", i % 2 === 0 ? "kyllä" : i % 3 === 0 ? "ei" : "", i % 5 === 0 ? "yes" : ""];
  if (matchByPhone(i)) cells[3] = "";
  if (isBad(i)) {
    const kind = Math.floor(i / 200) % 6;
    if (kind === 0) cells[3] = "not-an-email";
    if (kind === 1) cells[4] = "12345";
    if (kind === 2) cells = ["", "Ei", "Tunnistetta", "", "", "", "", "", "", "", "", ""];
    if (kind === 3) cells[10] = "maybe";
    if (kind === 4) cells[6] = "ABC";
    if (kind === 5) cells = cells.slice(0, 9);
  }
  return cells.map((c) => (c.includes(";") ? `"${c}"` : c)).join(";");
}

let t: TestDatabase;
let newsletter: string;
let sms: string;
let admin: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await setupTestDatabase();
  const prisma = t.database.prisma;
  admin = await createStaff(prisma, "ADMIN");
  newsletter = await createPublishedPurpose();
  sms = await createPublishedPurpose({ channel: "SMS" });
  const lines = ["Asiakasnumero;Etunimi;Sukunimi;Sähköposti;Puhelin;Katuosoite;Postinumero;Kaupunki;Maa;Kieli;Uutiskirje;Tekstiviestit"];
  for (let i = 1; i <= ROWS; i += 1) lines.push(csvRow(i));
  writeFileSync(file, `\uFEFF${lines.join("\r\n")}\r\n`);
  const existing = [];
  for (let i = 1; i <= ROWS; i += 1) {
    if (matchByEmail(i)) existing.push({ email: email(i), givenName: "Olemassa", city: "Turku" });
    if (matchByPhone(i)) existing.push({ phone: phone(i), givenName: "Puhelin" });
  }
  await prisma.person.createMany({ data: existing });
  const hashes = [];
  for (let i = 1; i <= ROWS; i += 1) if (suppressed(i)) hashes.push({ hash: suppressionHash(email(i)), reason: "erased" });
  await prisma.suppression.createMany({ data: hashes });
});
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

const mapping = () => ({
  fields: { externalId: "Asiakasnumero", givenName: "Etunimi", familyName: "Sukunimi", email: "Sähköposti", phone: "Puhelin", streetAddress: "Katuosoite", postalCode: "Postinumero", city: "Kaupunki", country: "Maa", preferredLanguage: "Kieli" },
  consents: { [newsletter]: "Uutiskirje", [sms]: "Tekstiviestit" },
});
const range = (n: number) => Array.from({ length: n }, (_, k) => k + 1);
const badRows = range(ROWS).filter(isBad).map((i) => i + 1);
const expected = {
  matched: range(ROWS).filter((i) => matchByEmail(i) || matchByPhone(i)).length,
  suppressed: range(ROWS).filter(suppressed).length,
};

describe("importing a CRM export", () => {
  let fileId: string;

  it("stores the upload in chunks and reads its header", async () => {
    const stored = await storeImportFile({ actor: admin.actor, fileName: "crm-export.csv", body: createReadStream(file, { highWaterMark: 64 * 1024 }) });
    fileId = stored.fileId;
    expect(stored.delimiter).toBe(";");
    expect(stored.columns[3]).toBe("Sähköposti");
    expect(await t.database.prisma.importFileChunk.count({ where: { fileId } })).toBeGreaterThan(1);
  });

  it("dry run: reports exactly the bad rows with reasons and writes no person", async () => {
    const persons = await t.database.prisma.person.count();
    const { jobId } = await startImportJob({ actor: admin.actor, input: { fileId, dryRun: true, system: "crm", mapping: mapping() } });
    while (await runImportPass({ prisma: t.database.prisma, workerId: "w-dry", batchRows: 1000, budgetMs: 60_000 }));
    const job = await getImportJob({ actor: admin.actor, jobId });
    expect(job).toMatchObject({ status: "COMPLETED", processedRows: ROWS, errorRows: 50, suppressedRows: expected.suppressed, matchedRows: expected.matched });
    expect([...new Set(job.errors.map((e) => e.row))]).toEqual(badRows);
    expect(new Set(job.errors.map((e) => e.reason))).toEqual(new Set(["emailInvalid", "phoneInvalid", "noIdentifier", "consentValueInvalid", "postalCodeFi", "columnCount"]));
    expect(await t.database.prisma.person.count()).toBe(persons);
    expect(await t.database.prisma.consentEvent.count()).toBe(0);
  });

  it("imports the rest in batches with progress visible while it runs", async () => {
    const prisma = t.database.prisma;
    const persons = await prisma.person.count();
    const { jobId } = await startImportJob({ actor: admin.actor, input: { fileId, dryRun: false, system: "crm", mapping: mapping() } });
    const progress: { status: string; processedRows: number; percent: number }[] = [];
    let more = true;
    while (more) {
      more = await runImportPass({ prisma, workerId: "w-1", batchRows: 1000, budgetMs: 0 });
      const job = await getImportJob({ actor: admin.actor, jobId });
      progress.push({ status: job.status, processedRows: job.processedRows, percent: job.percent });
    }
    const running = progress.filter((p) => p.status === "RUNNING");
    expect(running.filter((p) => p.processedRows < ROWS).length).toBeGreaterThanOrEqual(5);
    expect(running.every((p) => p.processedRows > 0 && p.percent > 0 && p.percent < 100)).toBe(true);
    expect(progress.map((p) => p.processedRows)).toEqual([...progress.map((p) => p.processedRows)].sort((a, b) => a - b));

    const job = await getImportJob({ actor: admin.actor, jobId });
    const created = ROWS - 50 - expected.suppressed - expected.matched;
    expect(job).toMatchObject({ status: "COMPLETED", percent: 100, errorRows: 50, suppressedRows: expected.suppressed, matchedRows: expected.matched, createdRows: created });
    expect([...new Set(job.errors.map((e) => e.row))]).toEqual(badRows);
    expect(await prisma.person.count()).toBe(persons + created);

    // Matched persons keep their own values and get the empty ones filled, and the CRM's id.
    const byEmail = await prisma.person.findUniqueOrThrow({ where: { email: email(66) }, include: { externalIds: true, consentStates: true } });
    expect(byEmail).toMatchObject({ givenName: "Olemassa", city: "Turku", familyName: "Tuonti66", phone: phone(66) });
    expect(byEmail.externalIds).toEqual([expect.objectContaining({ system: "crm", externalId: `C${stamp}-66` })]);
    expect(byEmail.consentStates.map((s) => s.status)).toEqual(["GRANTED"]);
    const byPhone = await prisma.person.findFirstOrThrow({ where: { phone: phone(199) } });
    expect(byPhone).toMatchObject({ givenName: "Puhelin", email: null, familyName: "Tuonti199" });
    expect(await prisma.person.count({ where: { phone: phone(199) } })).toBe(1);

    // Suppressed addresses were not imported; bad rows neither.
    expect(await prisma.person.count({ where: { email: email(250) } })).toBe(0);
    expect(await prisma.person.count({ where: { email: email(207) } })).toBe(0);

    // Consent evidence: source IMPORT, the current version, the admin as actor; states follow.
    const grants = range(ROWS).filter((i) => i % 2 === 0 && !isBad(i) && !suppressed(i)).length;
    const events = await prisma.consentEvent.findMany({ where: { purpose: { key: newsletter } }, select: { source: true, status: true, actorId: true, textHash: true } });
    expect(events.filter((e) => e.status === "GRANTED")).toHaveLength(grants);
    expect(events.every((e) => e.source === "IMPORT" && e.actorId === admin.user.id && e.textHash.length === 64)).toBe(true);
    expect(await prisma.consentState.count({ where: { purpose: { key: newsletter }, status: "GRANTED" } })).toBe(grants);

    // Each created person has its audit entry and its person.created event with the next sequence.
    const person = await prisma.person.findFirstOrThrow({ where: { email: email(2) } });
    expect(await prisma.auditEntry.count({ where: { personId: person.id, action: "person.created" } })).toBe(1);
    const outbox = await prisma.outboxEvent.findMany({ where: { personId: person.id }, orderBy: { sequence: "asc" } });
    expect(outbox.map((e) => [e.type, e.sequence])).toEqual([["person.created", 1], ["consent.updated", 2]]);
    expect((outbox[0]!.payload as { externalIds: Record<string, string[]> }).externalIds).toEqual({ crm: [`C${stamp}-2`] });
    expect((await verifyAuditChain(prisma)).intact).toBe(true);
  });

  it("importing the same file again changes nothing", async () => {
    const prisma = t.database.prisma;
    const counts = async () => ({ persons: await prisma.person.count(), events: await prisma.consentEvent.count(), outbox: await prisma.outboxEvent.count() });
    const before = await counts();
    const { jobId } = await startImportJob({ actor: admin.actor, input: { fileId, dryRun: false, system: "crm", mapping: mapping() } });
    while (await runImportPass({ prisma, workerId: "w-2", batchRows: 2000, budgetMs: 60_000 }));
    const job = await getImportJob({ actor: admin.actor, jobId });
    expect(job).toMatchObject({ status: "COMPLETED", createdRows: 0, errorRows: 50, consentsRecorded: 0 });
    expect(await counts()).toEqual(before);
  });
});
