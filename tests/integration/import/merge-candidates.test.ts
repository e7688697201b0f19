// Merging two persons settles the duplicate candidates the import recorded: the pair's own go,
// the merged person's others move to the survivor unless the survivor already has that one.
// An organisation's existing membership gets its empty role filled by an import.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergePersons } from "@/lib/identity/merge-persons";
import { storeImportFile } from "@/lib/import/store-import-file";
import { recordPersonView } from "@/lib/persons/record-person-view";
import { createStaff } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";
import { runImport } from "./import-helpers";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

describe("duplicate candidates and memberships", () => {
  it("a merge deletes the pair's candidates and moves the others without collisions", async () => {
    const prisma = t.database.prisma;
    const officer = await createStaff(prisma, "PRIVACY_OFFICER");
    const [survivor, merged, other, third] = await Promise.all(["s", "m", "o", "t"].map((k) => prisma.person.create({ data: { email: `${k}-merge@example.test` } })));
    await prisma.duplicateCandidate.createMany({
      data: [
        { personId: merged!.id, otherPersonId: survivor!.id, reasons: ["phone"] },
        { personId: merged!.id, otherPersonId: other!.id, reasons: ["phone"] },
        { personId: survivor!.id, otherPersonId: other!.id, reasons: ["namePostalCode"] },
        { personId: third!.id, otherPersonId: merged!.id, reasons: ["phone"] },
      ],
    });
    await recordPersonView({ actor: officer.actor, personId: [survivor!.id, merged!.id], input: { reasonCode: "identity_resolution" } });
    await mergePersons({ actor: officer.actor, input: { survivorId: survivor!.id, mergedId: merged!.id, fields: {} } });
    const left = await prisma.duplicateCandidate.findMany({ select: { personId: true, otherPersonId: true, reasons: true } });
    expect(left.sort((a, b) => a.personId.localeCompare(b.personId))).toEqual(
      [
        { personId: survivor!.id, otherPersonId: other!.id, reasons: ["namePostalCode"] },
        { personId: third!.id, otherPersonId: survivor!.id, reasons: ["phone"] },
      ].sort((a, b) => a.personId.localeCompare(b.personId)),
    );
  });

  it("an import fills an existing membership's empty role and counts the organisation as matched", async () => {
    const prisma = t.database.prisma;
    const admin = await createStaff(prisma, "ADMIN");
    const organisation = await prisma.organization.create({ data: { name: "Valio Oy", businessId: "7654321-2" } });
    const person = await prisma.person.create({ data: { email: "buyer@example.fi", memberships: { create: { organizationId: organisation.id, role: "" } } } });
    const csv = "Email;Y-tunnus;Titteli\r\nBUYER@example.fi;7654321-2;Ostopäällikkö\r\n";
    const stored = await storeImportFile({ actor: admin.actor, fileName: "roles.csv", body: [Buffer.from(csv)] });
    const { job } = await runImport(prisma, admin.actor, { fileId: stored.fileId, dryRun: false, system: "excel", mapping: { fields: { email: "Email", businessId: "Y-tunnus", organisationRole: "Titteli" } } });
    expect(job).toMatchObject({ status: "COMPLETED", committed: true, matchedRows: 1, organisationsMatched: 1, organisationsCreated: 0, membershipsCreated: 0 });
    expect(await prisma.membership.findMany({ where: { personId: person.id }, select: { role: true } })).toEqual([{ role: "Ostopäällikkö" }]);
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { personId: person.id, type: "person.updated" } });
    expect(event.payload).toMatchObject({ data: { memberships: [{ businessId: "7654321-2", role: "Ostopäällikkö" }] } });
  });
});
