// The duplicates page's list: the pairs an import recorded instead of merging (a shared phone, a
// similar name in one postal code) with their evidence (the import's file and line), beside the
// computed pairs; a pair found both ways is listed once; merging the pair takes it off the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDuplicateCandidates } from "@/lib/identity/find-duplicate-candidates";
import { mergePersons } from "@/lib/identity/merge-persons";
import { startImportJob } from "@/lib/import/start-import-job";
import { storeImportFile } from "@/lib/import/store-import-file";
import { recordPersonView } from "@/lib/persons/record-person-view";
import { createPerson } from "../../factories/persons";
import { createStaff, staffActor } from "../../factories/staff";
import { uniqueSystemKey } from "../../factories/systems";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

const person = async (fields: { givenName: string; familyName: string; phone?: string; postalCode?: string }) => {
  const p = await createPerson(t.database.prisma, { givenName: fields.givenName });
  return t.database.prisma.person.update({ where: { id: p.id }, data: fields });
};

describe("recorded duplicate candidates", () => {
  it("lists what imports recorded first, with the file and line, once even when also computed, until merged", async () => {
    const prisma = t.database.prisma;
    const admin = await createStaff(prisma, "ADMIN");
    const officer = await createStaff(prisma, "PRIVACY_OFFICER");
    const stamp = Date.now();
    const { fileId } = await storeImportFile({ actor: admin.actor, fileName: "hubspot-contacts.csv", body: [Buffer.from("Email,Phone\r\na@example.test,0401234567\r\n")] });
    const { jobId } = await startImportJob({ actor: admin.actor, input: { fileId, dryRun: false, system: uniqueSystemKey(), mapping: { fields: { email: "Email", phone: "Phone" }, consents: {} } } });

    // Same phone: also found by the computed search, so listed once with the import's evidence.
    const existing = await person({ givenName: "Maija", familyName: `Meikäläinen${stamp}`, phone: "+358401234567" });
    const created = await person({ givenName: "M.", familyName: `Virtanen${stamp}`, phone: "+358401234567" });
    await prisma.duplicateCandidate.create({ data: { personId: created.id, otherPersonId: existing.id, reasons: ["phone"], importJobId: jobId, line: 17 } });
    // Names too different for the computed search: only the import's record shows this pair.
    const older = await person({ givenName: "Juha", familyName: `Ahonen${stamp}`, postalCode: "33100" });
    const newer = await person({ givenName: "Juhani", familyName: `Ahola${stamp}`, postalCode: "33100" });
    await prisma.duplicateCandidate.create({ data: { personId: newer.id, otherPersonId: older.id, reasons: ["namePostalCode"], importJobId: jobId, line: 42 } });
    // Computed only.
    const c1 = await person({ givenName: "Kalle", familyName: `Koo${stamp}`, phone: "+358409998877" });
    const c2 = await person({ givenName: "Kaarlo", familyName: `Kuu${stamp}`, phone: "+358409998877" });

    const list = await findDuplicateCandidates({ actor: officer.actor });
    const pair = (x: string, y: string) => list.filter((c) => [c.a.id, c.b.id].sort().join() === [x, y].sort().join());
    expect(pair(existing.id, created.id)).toHaveLength(1);
    expect(pair(existing.id, created.id)[0]).toMatchObject({ reasons: ["phone"], recorded: { importJobId: jobId, fileName: "hubspot-contacts.csv", line: 17 } });
    // The older record first: the usual survivor.
    expect(pair(existing.id, created.id)[0]!.a.id).toBe(existing.id);
    expect(pair(older.id, newer.id)[0]).toMatchObject({ reasons: ["namePostalCode"], recorded: { line: 42 } });
    expect(pair(c1.id, c2.id)[0]).toMatchObject({ reasons: ["phone"], recorded: null });
    expect(list.findIndex((c) => c.recorded === null)).toBeGreaterThan(list.findLastIndex((c) => c.recorded !== null));

    await recordPersonView({ actor: officer.actor, personId: [existing.id, created.id], input: { reasonCode: "identity_resolution" } });
    await mergePersons({ actor: officer.actor, input: { survivorId: existing.id, mergedId: created.id } });
    const after = await findDuplicateCandidates({ actor: officer.actor });
    expect(after.some((c) => [c.a.id, c.b.id].includes(created.id))).toBe(false);
    expect(after.some((c) => c.b.id === newer.id || c.a.id === newer.id)).toBe(true);
    await expect(findDuplicateCandidates({ actor: staffActor("SUPPORT") })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
