// A HubSpot-style export (comma, UTF-8, padded upper-case emails, "Country/Region" names,
// repeated rows, several persons at one company) with bad rows: exact counts and refused lines;
// a dry run counts what the real run does; all or nothing by default, keepValidRows keeps the
// valid rows; a phone-only resemblance records a duplicate candidate and never merges.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { mergePersons } from "@/lib/identity/merge-persons";
import { recordPersonView } from "@/lib/persons/record-person-view";
import { createPublishedPurpose } from "../../factories/purposes";
import { createStaff } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";
import { countsOf, runImport, uploadFixture, writeCounts } from "./import-helpers";

let t: TestDatabase;
let admin: Awaited<ReturnType<typeof createStaff>>;
let newsletter: string;
const ids: Record<"anna" | "liisa" | "conflict" | "pekka" | "kalle", string> = { anna: "", liisa: "", conflict: "", pekka: "", kalle: "" };

beforeAll(async () => {
  t = await setupTestDatabase();
  const prisma = t.database.prisma;
  admin = await createStaff(prisma, "ADMIN");
  newsletter = await createPublishedPurpose();
  ids.anna = (await prisma.person.create({ data: { email: "existing.anna@example.com", givenName: "Anna", city: "Tampere" } })).id;
  ids.liisa = (await prisma.person.create({ data: { email: "liisa.owner@example.com", givenName: "Liisa" } })).id;
  ids.conflict = (await prisma.person.create({ data: { email: "someone.else@example.com", externalIds: { create: { system: "crm", externalId: "900" } } } })).id;
  ids.pekka = (await prisma.person.create({ data: { email: "pekka.phone@example.com", givenName: "Pekka", city: "Oulu", phone: "+358401234567" } })).id;
  ids.kalle = (await prisma.person.create({ data: { email: "kalle@example.com", givenName: "Kalle", externalIds: { create: { system: "crm", externalId: "500" } } } })).id;
  await prisma.organization.create({ data: { name: "Nokia Oyj", businessId: "0112038-9" } });
});
afterAll(async () => t.drop());

const mapping = () => ({
  fields: {
    externalId: "Record ID", givenName: "First Name", familyName: "Last Name", email: "Email", phone: "Phone Number", streetAddress: "Street Address",
    postalCode: "Postal Code", city: "City", country: "Country/Region", organisationName: "Company Name", businessId: "Business ID", organisationRole: "Job Title", createdAt: "Create Date",
  },
  consents: { [newsletter]: "Marketing emails" },
});

const refusedRows = [
  [6, "Email", "emailInvalid"],
  [7, "Email", "emailMissing"],
  [8, "Postal Code", "postalCodeFi"],
  [9, "Business ID", "businessIdInvalid"],
  [10, "Country/Region", "countryInvalid"],
  [11, "Create Date", "dateNotReal"],
  [12, "Marketing emails", "consentValueInvalid"],
  [13, "Record ID", "conflictingMatch"],
  [18, "Business ID", "businessIdMissing"],
];
const expectedCounts = {
  processedRows: 17, createdRows: 4, matchedRows: 4, suppressedRows: 0, errorRows: 9, consentsGranted: 3, consentsWithdrawn: 1, consentsRecorded: 4,
  organisationsCreated: 1, organisationsMatched: 1, membershipsCreated: 3, duplicateCandidates: 1,
};

describe("a HubSpot export", () => {
  let dryCounts: Record<string, unknown>;

  it("dry run: exact counts and refused lines, and nothing kept", async () => {
    const prisma = t.database.prisma;
    const stored = await uploadFixture(admin.actor, "hubspot-contacts.csv");
    expect(stored).toMatchObject({ delimiter: ",", encoding: "utf-8" });
    const before = await writeCounts(prisma);
    const { job, errors } = await runImport(prisma, admin.actor, { fileId: stored.fileId, dryRun: true, system: "crm", mapping: mapping() });
    expect(job).toMatchObject({ status: "COMPLETED", committed: false, failure: null, ...expectedCounts });
    expect(errors).toEqual(refusedRows);
    expect(await writeCounts(prisma)).toEqual(before);
    expect(await prisma.importFileChunk.count({ where: { fileId: stored.fileId } })).toBeGreaterThan(0);
    dryCounts = countsOf(job);
  });

  it("all or nothing by default: a refused row keeps nothing, the report says what the file would have done", async () => {
    const prisma = t.database.prisma;
    const stored = await uploadFixture(admin.actor, "hubspot-contacts.csv");
    const before = await writeCounts(prisma);
    const { job, errors } = await runImport(prisma, admin.actor, { fileId: stored.fileId, dryRun: false, system: "crm", mapping: mapping() });
    expect(job).toMatchObject({ status: "FAILED", committed: false, failure: "rowsRefused", ...expectedCounts });
    expect(errors).toEqual(refusedRows);
    expect(await writeCounts(prisma)).toEqual(before);
    expect(await prisma.importFileChunk.count({ where: { fileId: stored.fileId } })).toBe(0);
    expect(await prisma.auditEntry.count({ where: { action: "import.failed", target: `ImportJob:${job.id}` } })).toBe(1);
  });

  it("keepValidRows: the valid rows are kept, with the dry run's counts", async () => {
    const prisma = t.database.prisma;
    const stored = await uploadFixture(admin.actor, "hubspot-contacts.csv");
    const persons = await prisma.person.count();
    const { job, errors } = await runImport(prisma, admin.actor, { fileId: stored.fileId, dryRun: false, system: "crm", mapping: mapping(), keepValidRows: true });
    expect(job).toMatchObject({ status: "COMPLETED", committed: true, failure: null, ...expectedCounts });
    expect(countsOf(job)).toEqual(dryCounts);
    expect(errors).toEqual(refusedRows);
    expect(await prisma.person.count()).toBe(persons + 4);
    expect(await prisma.importFileChunk.count({ where: { fileId: stored.fileId } })).toBe(0);

    // The padded upper-case address is one person (the repeated row matched it), created when the CRM created it.
    const aino = await prisma.person.findUniqueOrThrow({ where: { email: "aino.virtanen@example.com" }, include: { externalIds: true, fieldHistory: true, memberships: { include: { organization: true } } } });
    expect(aino).toMatchObject({ givenName: "Aino", country: "FI", phone: "+358401110001", postalCode: "00100" });
    expect(aino.createdAt.toISOString()).toBe("2024-03-15T08:22:00.000Z");
    expect(aino.fieldHistory.length).toBeGreaterThan(5);
    expect(aino.fieldHistory.every((c) => c.source === "IMPORT" && c.system === "crm" && c.changedAt.toISOString() === "2024-03-15T08:22:00.000Z")).toBe(true);
    expect(aino.externalIds.map((e) => e.externalId)).toEqual(["1001"]);
    expect(aino.memberships.map((m) => [m.organization.name, m.organization.businessId, m.role])).toEqual([["Acme Oy", "2345678-0", "Purchasing manager"]]);
    const acme = await prisma.organization.findUniqueOrThrow({ where: { businessId: "2345678-0" }, include: { memberships: { include: { person: true } } } });
    expect(acme.memberships.map((m) => [m.person.givenName, m.role]).sort()).toEqual([["Aino", "Purchasing manager"], ["Mikko", "CTO"]]);
    const sanna = await prisma.person.findUniqueOrThrow({ where: { email: "sanna@example.se" }, include: { memberships: { include: { organization: true } } } });
    expect(sanna).toMatchObject({ country: "SE", postalCode: "114 55", phone: "+46701234567" });
    expect(sanna.memberships.map((m) => [m.organization.name, m.role])).toEqual([["Nokia Oyj", "Partner manager"]]);
    expect(await prisma.organization.count()).toBe(2);

    // A matched person keeps their own values; only empty fields are filled, and the CRM id is added.
    const anna = await prisma.person.findUniqueOrThrow({ where: { id: ids.anna }, include: { externalIds: true } });
    expect(anna).toMatchObject({ givenName: "Anna", city: "Tampere", phone: "+358502220003", streetAddress: "Kauppakatu 3", postalCode: "40100" });
    expect(anna.externalIds.map((e) => e.externalId)).toEqual(["1003"]);

    // Two ids of the same system on one person: 500 (known) and 501 (matched by email, added).
    const kalle = await prisma.person.findUniqueOrThrow({ where: { id: ids.kalle }, include: { externalIds: { orderBy: { externalId: "asc" } }, consentStates: true } });
    expect(kalle.externalIds.map((e) => [e.system, e.externalId])).toEqual([["crm", "500"], ["crm", "501"]]);
    expect(kalle.familyName).toBe("Kallio");
    // Granted by the row matched by email, withdrawn by the later row matched by id 500.
    expect(kalle.consentStates.map((s) => s.status)).toEqual(["WITHDRAWN"]);
    const kalleOutbox = await prisma.outboxEvent.findFirstOrThrow({ where: { personId: ids.kalle, type: "person.identity_linked" } });
    expect((kalleOutbox.payload as { externalIds: Record<string, string[]> }).externalIds).toEqual({ crm: ["500", "501"] });

    // The conflicting row touched neither person.
    expect(await prisma.externalIdentity.count({ where: { personId: { in: [ids.liisa, ids.conflict] } } })).toBe(1);
    expect(await prisma.person.findUniqueOrThrow({ where: { id: ids.liisa } })).toMatchObject({ familyName: null, city: null });

    // Phone alone never merges: Paula is her own person, Pekka is untouched, a human gets the candidate.
    const paula = await prisma.person.findUniqueOrThrow({ where: { email: "p.similar@example.com" } });
    expect(paula.phone).toBe("+358401234567");
    expect(await prisma.person.findUniqueOrThrow({ where: { id: ids.pekka } })).toMatchObject({ email: "pekka.phone@example.com", givenName: "Pekka", city: "Oulu", familyName: null, streetAddress: null });
    const candidates = await prisma.duplicateCandidate.findMany();
    expect(candidates).toEqual([expect.objectContaining({ personId: paula.id, otherPersonId: ids.pekka, reasons: ["phone"], importJobId: job.id, line: 14 })]);

    // Audit and propagation: each new person's entry and person.created event, the chain intact.
    expect(await prisma.auditEntry.count({ where: { personId: aino.id, action: "person.created" } })).toBe(1);
    const created = await prisma.outboxEvent.findFirstOrThrow({ where: { personId: aino.id, type: "person.created" } });
    expect(created.payload).toMatchObject({ externalIds: { crm: ["1001"] }, data: { memberships: [{ businessId: "2345678-0", role: "Purchasing manager" }] } });
    expect(await prisma.auditEntry.count({ where: { action: "organization.created" } })).toBe(1);
    await sequenceAuditLog(prisma);
    expect((await verifyAuditChain(prisma)).intact).toBe(true);

    // Merging the candidate pair settles it.
    const officer = await createStaff(prisma, "PRIVACY_OFFICER");
    await recordPersonView({ actor: officer.actor, personId: [ids.pekka, paula.id], input: { reasonCode: "identity_resolution" } });
    await mergePersons({ actor: officer.actor, input: { survivorId: ids.pekka, mergedId: paula.id, fields: {} } });
    expect(await prisma.duplicateCandidate.count()).toBe(0);
  });

  it("the same file again changes nothing but matches everyone", async () => {
    const prisma = t.database.prisma;
    const stored = await uploadFixture(admin.actor, "hubspot-contacts.csv");
    const before = await writeCounts(prisma);
    const { job } = await runImport(prisma, admin.actor, { fileId: stored.fileId, dryRun: true, system: "crm", mapping: mapping() });
    expect(job).toMatchObject({ createdRows: 0, matchedRows: 8, errorRows: 9, organisationsCreated: 0, organisationsMatched: 2, membershipsCreated: 0, consentsGranted: 0 });
    expect(await writeCounts(prisma)).toEqual(before);
  });
});
