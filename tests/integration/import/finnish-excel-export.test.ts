// A Finnish Excel export (BOM, semicolons, d.m.yyyy, kyllä/ei, "Suomi"/"Ruotsi" in a "Maa"
// column, Y-tunnus) and its windows-1252 twin (older Excel): the same counts, refused lines and
// reasons, and the twin's ä and ö stored as they were written. Chunks of an abandoned file are
// swept after 24 hours; a cancelled import's chunks go at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelImportJob } from "@/lib/import/cancel-import-job";
import { claimImportJob } from "@/lib/import/claim-import-job";
import { guessMapping } from "@/lib/import/guess-mapping";
import { startImportJob } from "@/lib/import/start-import-job";
import { sweepImportChunks } from "@/lib/import/sweep-import-chunks";
import { createPublishedPurpose } from "../../factories/purposes";
import { createStaff } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";
import { countsOf, runImport, uploadFixture, writeCounts } from "./import-helpers";

let t: TestDatabase;
let admin: Awaited<ReturnType<typeof createStaff>>;
let newsletter: string;

beforeAll(async () => {
  t = await setupTestDatabase();
  admin = await createStaff(t.database.prisma, "ADMIN");
  newsletter = await createPublishedPurpose();
});
afterAll(async () => t.drop());

const refused = [
  [4, "Postinumero", "postalCodeFi"],
  [5, "Syntymäaika", "dateNotReal"],
  [6, "Y-tunnus", "businessIdInvalid"],
  [7, "Maa", "countryInvalid"],
  [8, "Uutiskirje", "consentValueInvalid"],
  [9, "Sähköposti", "emailMissing"],
];
const expected = {
  processedRows: 9, createdRows: 2, matchedRows: 1, errorRows: 6, consentsGranted: 1, consentsWithdrawn: 1,
  organisationsCreated: 1, organisationsMatched: 0, membershipsCreated: 2, duplicateCandidates: 0,
};

describe("a Finnish Excel export and its windows-1252 twin", () => {
  it("the guessed mapping covers every column; both encodings dry-run to the same report", async () => {
    const prisma = t.database.prisma;
    const utf8 = await uploadFixture(admin.actor, "excel-fi.csv");
    const cp1252 = await uploadFixture(admin.actor, "excel-fi-windows-1252.csv");
    expect(utf8).toMatchObject({ delimiter: ";", encoding: "utf-8" });
    expect(cp1252).toMatchObject({ delimiter: ";", encoding: "windows-1252", columns: utf8.columns });
    expect(guessMapping(utf8.columns)).toEqual({
      externalId: "Asiakasnumero", givenName: "Etunimi", familyName: "Sukunimi", email: "Sähköposti", phone: "Puhelin", streetAddress: "Katuosoite",
      postalCode: "Postinumero", city: "Postitoimipaikka", country: "Maa", preferredLanguage: "Kieli", birthDate: "Syntymäaika",
      organisationName: "Yritys", businessId: "Y-tunnus", organisationRole: "Titteli", createdAt: "Luotu",
    });
    const mapping = { fields: guessMapping(utf8.columns), consents: { [newsletter]: "Uutiskirje" } };
    const before = await writeCounts(prisma);
    const reports = [];
    for (const fileId of [utf8.fileId, cp1252.fileId]) reports.push(await runImport(prisma, admin.actor, { fileId, dryRun: true, system: "excel", mapping }));
    for (const { job, errors } of reports) {
      expect(job).toMatchObject({ status: "COMPLETED", committed: false, ...expected });
      expect(errors).toEqual(refused);
    }
    expect(countsOf(reports[0]!.job)).toEqual(countsOf(reports[1]!.job));
    expect(await writeCounts(prisma)).toEqual(before);
  });

  it("imports the windows-1252 twin with its letters intact, organisations and memberships", async () => {
    const prisma = t.database.prisma;
    const stored = await uploadFixture(admin.actor, "excel-fi-windows-1252.csv");
    const mapping = { fields: guessMapping(stored.columns), consents: { [newsletter]: "Uutiskirje" } };
    const { job, errors } = await runImport(prisma, admin.actor, { fileId: stored.fileId, dryRun: false, system: "excel", mapping, keepValidRows: true });
    expect(job).toMatchObject({ status: "COMPLETED", committed: true, ...expected });
    expect(errors).toEqual(refused);

    const aija = await prisma.person.findUniqueOrThrow({ where: { email: "aija.makinen@example.fi" }, include: { memberships: { include: { organization: true } }, consentStates: true, externalIds: true } });
    expect(aija).toMatchObject({ givenName: "Äijä", familyName: "Mäkinen", country: "FI", preferredLanguage: "fi", phone: "+358405550001" });
    expect(aija.birthDate?.toISOString().slice(0, 10)).toBe("1985-04-03");
    expect(aija.createdAt.toISOString()).toBe("2020-02-01T06:15:00.000Z");
    expect(aija.memberships.map((m) => [m.organization.name, m.organization.businessId, m.role])).toEqual([["Pörssi Oy", "7654321-2", "Hallituksen jäsen"]]);
    // Granted by line 2, withdrawn by the repeated row on line 10.
    expect(aija.consentStates.map((s) => s.status)).toEqual(["WITHDRAWN"]);
    expect(aija.externalIds.map((e) => [e.system, e.externalId])).toEqual([["excel", "5001"]]);
    const bjorn = await prisma.person.findUniqueOrThrow({ where: { email: "bjorn@example.se" }, include: { memberships: true } });
    expect(bjorn).toMatchObject({ givenName: "Björn", familyName: "Åkerlund", country: "SE", postalCode: "114 55", preferredLanguage: "sv" });
    expect(bjorn.createdAt.toISOString()).toBe("2019-06-15T00:00:00.000Z");
    expect(bjorn.memberships.map((m) => m.role)).toEqual(["Ekonomichef"]);
    expect(await prisma.importFileChunk.count({ where: { fileId: stored.fileId } })).toBe(0);
  });

  it("a cancelled import's chunks are deleted; an abandoned file's chunks are swept after 24 hours", async () => {
    const prisma = t.database.prisma;
    const cancelled = await uploadFixture(admin.actor, "excel-fi.csv");
    const { jobId } = await startImportJob({ actor: admin.actor, input: { fileId: cancelled.fileId, dryRun: false, system: "excel", mapping: { fields: { email: "Sähköposti" } } } });
    await cancelImportJob({ actor: admin.actor, jobId });
    expect(await prisma.importFileChunk.count({ where: { fileId: cancelled.fileId } })).toBe(0);
    // A file whose chunks are gone cannot be run again: the run fails and says so.
    const again = await runImport(prisma, admin.actor, { fileId: cancelled.fileId, dryRun: true, system: "excel", mapping: { fields: { email: "Sähköposti" } } });
    expect(again.job).toMatchObject({ status: "FAILED", failure: "fileGone", processedRows: 0, committed: false });

    const abandoned = await uploadFixture(admin.actor, "excel-fi.csv");
    const fresh = await uploadFixture(admin.actor, "excel-fi.csv");
    const day = 24 * 60 * 60 * 1000;
    await prisma.importFile.update({ where: { id: abandoned.fileId }, data: { createdAt: new Date(Date.now() - day - 60_000) } });
    expect(await sweepImportChunks(prisma, new Date())).toBe(1);
    expect(await prisma.importFileChunk.count({ where: { fileId: abandoned.fileId } })).toBe(0);
    expect(await prisma.importFileChunk.count({ where: { fileId: fresh.fileId } })).toBeGreaterThan(0);
    expect(await prisma.importFile.count({ where: { id: abandoned.fileId } })).toBe(1);
    expect(await prisma.auditEntry.count({ where: { action: "import.chunks_swept" } })).toBe(1);
    expect(await sweepImportChunks(prisma, new Date())).toBe(0);
  });

  it("two workers never run two jobs of one file at once (a real run deletes the chunks the other reads)", async () => {
    const prisma = t.database.prisma;
    const stored = await uploadFixture(admin.actor, "excel-fi.csv");
    const other = await uploadFixture(admin.actor, "excel-fi.csv");
    const input = (fileId: string, dryRun: boolean) => ({ fileId, dryRun, system: "excel", mapping: { fields: { email: "Sähköposti" } } });
    const first = await startImportJob({ actor: admin.actor, input: input(stored.fileId, true) });
    await startImportJob({ actor: admin.actor, input: input(stored.fileId, false) });
    const third = await startImportJob({ actor: admin.actor, input: input(other.fileId, true) });
    const now = new Date();
    expect(await claimImportJob(prisma, "worker-a", now)).toBe(first.jobId);
    expect(await claimImportJob(prisma, "worker-b", now)).toBe(third.jobId);
    expect(await claimImportJob(prisma, "worker-c", now)).toBeNull();
    await prisma.importJob.updateMany({ where: { id: { in: [first.jobId, third.jobId] } }, data: { status: "CANCELLED", leasedBy: null, leaseUntil: null } });
    expect(await claimImportJob(prisma, "worker-c", now)).not.toBeNull();
  });
});
