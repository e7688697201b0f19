// A CRM export of 5,000 rows with 25 bad ones, in one transaction: the dry run and the real run
// count the same; all or nothing by default; with keepValidRows the rest is imported, persons
// matched by email keep their own values, a phone-only resemblance creates its own person and a
// duplicate candidate, suppressed addresses are skipped, and consent evidence is kept. The same
// file again changes nothing.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { runImportPass } from "@/lib/import/run-import-pass";
import { startImportJob } from "@/lib/import/start-import-job";
import { storeImportFile } from "@/lib/import/store-import-file";
import { suppressionHash } from "@/lib/suppression/suppression-hash";
import { createPublishedPurpose } from "../../factories/purposes";
import { createStaff } from "../../factories/staff";
import { setupTestDatabase, testBackend, type TestDatabase } from "../../support/test-database";
import { countsOf, runImport, writeCounts } from "./import-helpers";

const ROWS = 5_000;
const dir = mkdtempSync(path.join(tmpdir(), "omadata-import-"));
const file = path.join(dir, "crm-export.csv");

/** What kind each data row i (1-based; file line i + 1) is. */
const isBad = (i: number) => i % 200 === 7;
const matchByEmail = (i: number) => !isBad(i) && i % 33 === 0;
const samePhone = (i: number) => !isBad(i) && !matchByEmail(i) && i % 199 === 0;
const suppressed = (i: number) => !isBad(i) && !matchByEmail(i) && !samePhone(i) && i % 500 === 250;
const email = (i: number) => `imp-${i}@example.test`;
const phone = (i: number) => `+35840${1_000_000 + i}`;
/** An unmapped column, so the file spans two 1 MiB chunks with ä and ö across the boundary. */
const NOTE = "Asiakas on kiinnostunut pörssitiedotteista ja yhtiökokouksista, yhteydenotto mieluiten sähköpostitse arkipäivisin.".repeat(2);
const badKinds = ["emailInvalid", "phoneInvalid", "emailMissing", "consentValueInvalid", "postalCodeFi", "columnCount"];

function csvRow(i: number): string {
  let cells = [`C-${i}`, "Aino", `Tuonti${i}`, email(i), `040 ${1_000_000 + i}`, `Testikatu ${i} A 1`, "00100", "Helsinki", "Suomi", "fi", i % 2 === 0 ? "kyllä" : i % 3 === 0 ? "ei" : "", i % 5 === 0 ? "yes" : "", NOTE];
  if (isBad(i)) {
    const kind = Math.floor(i / 200) % 6;
    if (kind === 0) cells[3] = "not-an-email";
    if (kind === 1) cells[4] = "12345";
    if (kind === 2) cells = ["", "Ei", "Tunnistetta", "", "", "", "", "", "", "", "", "", ""];
    if (kind === 3) cells[10] = "maybe";
    if (kind === 4) cells[6] = "ABC";
    if (kind === 5) cells = cells.slice(0, 9);
  }
  return cells.join(";");
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
  const lines = ["Asiakasnumero;Etunimi;Sukunimi;Sähköposti;Puhelin;Katuosoite;Postinumero;Kaupunki;Maa;Kieli;Uutiskirje;Tekstiviestit;Muistiinpanot"];
  for (let i = 1; i <= ROWS; i += 1) lines.push(csvRow(i));
  writeFileSync(file, `\uFEFF${lines.join("\r\n")}\r\n`);
  const existing = [];
  for (let i = 1; i <= ROWS; i += 1) {
    if (matchByEmail(i)) existing.push({ email: email(i), givenName: "Olemassa", city: "Turku" });
    if (samePhone(i)) existing.push({ email: `other-${i}@example.test`, phone: phone(i), givenName: "Puhelin" });
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
const badLines = range(ROWS).filter(isBad).map((i) => i + 1);
const matched = range(ROWS).filter(matchByEmail).length;
const similar = range(ROWS).filter(samePhone).length;
const skipped = range(ROWS).filter(suppressed).length;
const bad = range(ROWS).filter(isBad).length;
const created = ROWS - bad - skipped - matched;
const upload = async () => storeImportFile({ actor: admin.actor, fileName: "crm-export.csv", body: createReadStream(file, { highWaterMark: 64 * 1024 }) });

describe("a 5,000-row CRM export", () => {
  let dryCounts: Record<string, unknown>;

  it("dry run: exactly the bad lines, the counts of the real run, nothing written", async () => {
    const prisma = t.database.prisma;
    const stored = await upload();
    expect(await prisma.importFileChunk.count({ where: { fileId: stored.fileId } })).toBeGreaterThan(1);
    const before = await writeCounts(prisma);
    const { job, errors } = await runImport(prisma, admin.actor, { fileId: stored.fileId, dryRun: true, system: "crm", mapping: mapping() }, { batchRows: 1000 });
    expect(job).toMatchObject({ status: "COMPLETED", processedRows: ROWS, errorRows: bad, suppressedRows: skipped, matchedRows: matched, createdRows: created, duplicateCandidates: similar });
    expect([...new Set(errors.map((e) => e[0]))]).toEqual(badLines);
    expect(new Set(errors.map((e) => e[2]))).toEqual(new Set(badKinds));
    expect(await writeCounts(prisma)).toEqual(before);
    dryCounts = countsOf(job);
  });

  it("all or nothing: 25 bad rows keep nothing of 5,000", async () => {
    const prisma = t.database.prisma;
    const before = await writeCounts(prisma);
    const { job } = await runImport(prisma, admin.actor, { fileId: (await upload()).fileId, dryRun: false, system: "crm", mapping: mapping() }, { batchRows: 1000 });
    expect(job).toMatchObject({ status: "FAILED", failure: "rowsRefused", committed: false });
    expect(countsOf(job)).toEqual(dryCounts);
    expect(await writeCounts(prisma)).toEqual(before);
  });

  it("keepValidRows imports the rest with the dry run's counts", async () => {
    const prisma = t.database.prisma;
    const persons = await prisma.person.count();
    const { job } = await runImport(prisma, admin.actor, { fileId: (await upload()).fileId, dryRun: false, system: "crm", mapping: mapping(), keepValidRows: true }, { batchRows: 1000 });
    expect(job).toMatchObject({ status: "COMPLETED", committed: true });
    expect(countsOf(job)).toEqual(dryCounts);
    expect(await prisma.person.count()).toBe(persons + created);

    const byEmail = await prisma.person.findUniqueOrThrow({ where: { email: email(66) }, include: { externalIds: true, consentStates: true } });
    expect(byEmail).toMatchObject({ givenName: "Olemassa", city: "Turku", familyName: "Tuonti66", phone: phone(66), country: "FI" });
    expect(byEmail.externalIds).toEqual([expect.objectContaining({ system: "crm", externalId: "C-66" })]);
    expect(byEmail.consentStates.map((s) => s.status)).toEqual(["GRANTED"]);
    // The same phone never merged: two persons, the old one untouched, a candidate for a human.
    const samePhonePersons = await prisma.person.findMany({ where: { phone: phone(199) }, orderBy: { createdAt: "asc" } });
    expect(samePhonePersons.map((p) => [p.email, p.givenName, p.familyName])).toEqual([["other-199@example.test", "Puhelin", null], [email(199), "Aino", "Tuonti199"]]);
    expect(await prisma.duplicateCandidate.findFirst({ where: { personId: samePhonePersons[1]!.id } })).toMatchObject({ otherPersonId: samePhonePersons[0]!.id, reasons: ["phone"], line: 200 });
    expect(await prisma.person.count({ where: { email: email(250) } })).toBe(0);
    expect(await prisma.person.count({ where: { email: email(207) } })).toBe(0);

    const grants = range(ROWS).filter((i) => i % 2 === 0 && !isBad(i) && !suppressed(i)).length;
    const events = await prisma.consentEvent.findMany({ where: { purpose: { key: newsletter } }, select: { source: true, status: true, actorId: true, textHash: true } });
    expect(events.filter((e) => e.status === "GRANTED")).toHaveLength(grants);
    expect(events.every((e) => e.source === "IMPORT" && e.actorId === admin.user.id && e.textHash.length === 64)).toBe(true);

    const person = await prisma.person.findFirstOrThrow({ where: { email: email(2) } });
    const outbox = await prisma.outboxEvent.findMany({ where: { personId: person.id }, orderBy: { sequence: "asc" } });
    expect(outbox.map((e) => [e.type, e.sequence])).toEqual([["person.created", 1], ["consent.updated", 2]]);
    expect((outbox[0]!.payload as { externalIds: Record<string, string[]> }).externalIds).toEqual({ crm: ["C-2"] });
    await sequenceAuditLog(prisma);
    expect((await verifyAuditChain(prisma)).intact).toBe(true);
  });

  it("the same file again changes nothing", async () => {
    const prisma = t.database.prisma;
    const before = await writeCounts(prisma);
    const { job } = await runImport(prisma, admin.actor, { fileId: (await upload()).fileId, dryRun: false, system: "crm", mapping: mapping(), keepValidRows: true }, { batchRows: 2000 });
    expect(job).toMatchObject({ status: "COMPLETED", createdRows: 0, errorRows: bad, consentsRecorded: 0, duplicateCandidates: 0 });
    expect(await writeCounts(prisma)).toEqual(before);
  });

  it("shows progress while the file's transaction runs (PostgreSQL: another connection; PGlite: nothing is written beside it)", async () => {
    const prisma = t.database.prisma;
    const { jobId } = await startImportJob({ actor: admin.actor, input: { fileId: (await upload()).fileId, dryRun: true, system: "crm", mapping: mapping() } });
    const seen: number[] = [];
    let done = false;
    const running = runImportPass({ prisma, workerId: "progress-worker", batchRows: 250 }).finally(() => (done = true));
    while (!done) {
      const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, processedRows: true } });
      if (job.status === "RUNNING") seen.push(job.processedRows);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await running;
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "COMPLETED", processedRows: ROWS });
    if (testBackend() === "postgres") {
      expect(seen.filter((n) => n > 0 && n < ROWS).length).toBeGreaterThanOrEqual(2);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    } else {
      expect(seen.every((n) => n === 0)).toBe(true);
    }
  });
});
