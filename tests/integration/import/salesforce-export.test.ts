// A Salesforce-style export (every cell quoted, CRLF, a multi-line address, ISO dates and
// date-times, MailingCountry names): line numbers count the address's lines; a repeated contact
// with a new id gets both ids. A malformed record in the middle keeps nothing, even with
// keepValidRows: no person, no audit entry, no outbox event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublishedPurpose } from "../../factories/purposes";
import { createStaff } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";
import { runImportPass } from "@/lib/import/run-import-pass";
import { startImportJob } from "@/lib/import/start-import-job";
import { storeImportFile } from "@/lib/import/store-import-file";
import { runImport, uploadFixture, writeCounts } from "./import-helpers";

let t: TestDatabase;
let admin: Awaited<ReturnType<typeof createStaff>>;
let newsletter: string;

beforeAll(async () => {
  t = await setupTestDatabase();
  admin = await createStaff(t.database.prisma, "ADMIN");
  newsletter = await createPublishedPurpose();
});
afterAll(async () => t.drop());

const mapping = () => ({
  fields: {
    externalId: "Contact ID", givenName: "FirstName", familyName: "LastName", email: "Email", phone: "Phone", streetAddress: "MailingStreet",
    postalCode: "MailingPostalCode", city: "MailingCity", country: "MailingCountry", birthDate: "Birthdate", createdAt: "CreatedDate",
  },
  consents: { [newsletter]: "Newsletter__c" },
});

describe("a Salesforce export", () => {
  it("imports with line numbers that count a multi-line address, and dry-run counts equal the real run's", async () => {
    const prisma = t.database.prisma;
    const dry = await uploadFixture(admin.actor, "salesforce-contacts.csv");
    const dryRun = await runImport(prisma, admin.actor, { fileId: dry.fileId, dryRun: true, system: "salesforce", mapping: mapping() }, { batchRows: 2 });
    const refused = [
      [5, "Email", "emailInvalid"],
      [6, "Birthdate", "dateNotReal"],
      [7, "MailingCountry", "countryInvalid"],
      [9, "MailingPostalCode", "postalCodeSe"],
    ];
    const counts = { processedRows: 7, createdRows: 2, matchedRows: 1, errorRows: 4, consentsGranted: 1, consentsWithdrawn: 0, duplicateCandidates: 0, organisationsCreated: 0, membershipsCreated: 0 };
    expect(dryRun.job).toMatchObject({ status: "COMPLETED", committed: false, ...counts });
    expect(dryRun.errors).toEqual(refused);

    const real = await uploadFixture(admin.actor, "salesforce-contacts.csv");
    const run = await runImport(prisma, admin.actor, { fileId: real.fileId, dryRun: false, system: "salesforce", mapping: mapping(), keepValidRows: true }, { batchRows: 2 });
    expect(run.job).toMatchObject({ status: "COMPLETED", committed: true, ...counts });
    expect(run.errors).toEqual(refused);

    const erik = await prisma.person.findUniqueOrThrow({ where: { email: "erik.lindqvist@example.se" }, include: { externalIds: { orderBy: { externalId: "asc" } } } });
    expect(erik).toMatchObject({ streetAddress: "Drottninggatan 1\r\nLägenhet 4", postalCode: "111 51", country: "SE", phone: "+46812345678" });
    expect(erik.birthDate?.toISOString().slice(0, 10)).toBe("1980-05-17");
    expect(erik.createdAt.toISOString()).toBe("2021-06-01T09:30:00.000Z");
    // The repeated contact (a later batch) matched Erik by email and added its id beside the first.
    expect(erik.externalIds.map((e) => [e.system, e.externalId])).toEqual([["salesforce", "003A1"], ["salesforce", "003A6"]]);
    const maria = await prisma.person.findUniqueOrThrow({ where: { email: "maria.nieminen@example.fi" } });
    expect(maria).toMatchObject({ country: "FI", postalCode: "00170" });
    expect(maria.createdAt.toISOString()).toBe("2020-01-15T12:00:00.000Z");
    expect(await prisma.person.count()).toBe(2);
  });

  it("a malformed record in the middle keeps nothing, even with keepValidRows", async () => {
    const prisma = t.database.prisma;
    const before = await writeCounts(prisma);
    const stored = await uploadFixture(admin.actor, "salesforce-malformed.csv");
    const { job, errors } = await runImport(prisma, admin.actor, { fileId: stored.fileId, dryRun: false, system: "salesforce", mapping: { fields: { externalId: "Contact ID", email: "Email", createdAt: "CreatedDate" } }, keepValidRows: true }, { batchRows: 1 });
    expect(job).toMatchObject({ status: "FAILED", committed: false, failure: "malformedCsv", processedRows: 2, createdRows: 2, errorRows: 1 });
    expect(errors).toEqual([[4, null, "malformedCsv"]]);
    expect(await writeCounts(prisma)).toEqual(before);
    expect(await prisma.person.count({ where: { email: { in: ["ulla.first@example.fi", "olli.second@example.fi"] } } })).toBe(0);
    expect(await prisma.auditEntry.count({ where: { action: { in: ["person.created", "consent.granted"] }, details: { path: ["importJobId"], equals: job.id } } })).toBe(0);
    expect(await prisma.importFileChunk.count({ where: { fileId: stored.fileId } })).toBe(0);
  });

  it("the same name at the same postal code records a candidate, never a merge; a restricted person is refused", async () => {
    const prisma = t.database.prisma;
    const maria = await prisma.person.findUniqueOrThrow({ where: { email: "maria.nieminen@example.fi" } });
    const erik = await prisma.person.update({ where: { email: "erik.lindqvist@example.se" }, data: { restrictedAt: new Date() } });
    const csv = ["Email,FirstName,LastName,MailingPostalCode,MailingCountry", "m.nieminen@work.example,MARIA,nieminen,00170,Finland", "erik.lindqvist@example.se,Erik,Lindqvist,,"].join("\r\n");
    const stored = await storeImportFile({ actor: admin.actor, fileName: "more.csv", body: [Buffer.from(csv)] });
    const fields = { email: "Email", givenName: "FirstName", familyName: "LastName", postalCode: "MailingPostalCode", country: "MailingCountry" };
    const { job, errors } = await runImport(prisma, admin.actor, { fileId: stored.fileId, dryRun: false, system: "salesforce", mapping: { fields }, keepValidRows: true });
    expect(job).toMatchObject({ status: "COMPLETED", createdRows: 1, matchedRows: 0, errorRows: 1, duplicateCandidates: 1 });
    expect(errors).toEqual([[3, null, "personRestricted"]]);
    const twin = await prisma.person.findUniqueOrThrow({ where: { email: "m.nieminen@work.example" } });
    expect(await prisma.duplicateCandidate.findMany({ where: { personId: twin.id } })).toEqual([expect.objectContaining({ otherPersonId: maria.id, reasons: ["namePostalCode"], line: 2 })]);
    expect(await prisma.person.findUniqueOrThrow({ where: { id: maria.id } })).toEqual(maria);
    expect(await prisma.person.findUniqueOrThrow({ where: { id: erik.id } })).toEqual(erik);
  });

  it("a database error in the middle keeps nothing and fails as internal", async () => {
    const prisma = t.database.prisma;
    // A real failure of the database, not a stand-in: a trigger refuses one external id.
    await prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."externalId" = 'BOOM' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_boom BEFORE INSERT ON "ExternalIdentity" FOR EACH ROW EXECUTE FUNCTION refuse_boom()`);
    const before = await writeCounts(prisma);
    const csv = ["Contact ID,Email", "OK-1,first.ok@example.fi", "OK-2,second.ok@example.fi", "BOOM,third@example.fi", "OK-4,fourth.ok@example.fi"].join("\n");
    const stored = await storeImportFile({ actor: admin.actor, fileName: "boom.csv", body: [Buffer.from(csv)] });
    const { job } = await runImport(prisma, admin.actor, { fileId: stored.fileId, dryRun: false, system: "salesforce", mapping: { fields: { externalId: "Contact ID", email: "Email" } }, keepValidRows: true }, { batchRows: 2 });
    expect(job).toMatchObject({ status: "FAILED", failure: "internal", committed: false });
    expect(await writeCounts(prisma)).toEqual(before);
    expect(await prisma.person.count({ where: { email: "first.ok@example.fi" } })).toBe(0);
    await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_boom ON "ExternalIdentity"`);
  });

  it("a stopping worker rolls the file back and leaves the job queued for the next worker", async () => {
    const prisma = t.database.prisma;
    const before = await writeCounts(prisma);
    const csv = ["Contact ID,Email", "S-1,stop.one@example.fi", "S-2,stop.two@example.fi"].join("\n");
    const stored = await storeImportFile({ actor: admin.actor, fileName: "stop.csv", body: [Buffer.from(csv)] });
    const { jobId } = await startImportJob({ actor: admin.actor, input: { fileId: stored.fileId, dryRun: false, system: "salesforce", mapping: { fields: { externalId: "Contact ID", email: "Email" } } } });
    const stopping = new AbortController();
    stopping.abort();
    expect(await runImportPass({ prisma, workerId: "stopping-worker", signal: stopping.signal })).toBe(false);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "QUEUED", leasedBy: null, processedRows: 0 });
    expect(await writeCounts(prisma)).toEqual(before);
    while (await runImportPass({ prisma, workerId: "next-worker" }));
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "COMPLETED", committed: true, createdRows: 2 });
  });
});
