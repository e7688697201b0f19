import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { AppError } from "@/lib/errors";
import { correctPerson } from "@/lib/persons/correct-person";
import { getProfile } from "@/lib/persons/get-profile";
import { createPerson } from "../../factories/persons";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const counts = async (personId: string) => ({
  audit: await t.database.prisma.auditEntry.count({ where: { personId } }),
  outbox: await t.database.prisma.outboxEvent.count({ where: { personId } }),
  history: await t.database.prisma.personFieldChange.count({ where: { personId } }),
});

describe("correctPerson", () => {
  it("writes only the changed fields, with one audit entry and one person.updated event carrying them and the next sequence", async () => {
    const person = await createPerson(t.database.prisma, { givenName: "Aino" }, [{ system: "crm", externalId: `C-${Date.now()}` }]);
    const actor: Actor = { kind: "PERSON", id: "user-1" };
    const input = { givenName: "Aino", familyName: "Virtanen", phone: "040 123 4567", country: "fi", postalCode: "00100", preferredLanguage: "fi" as const };

    const first = await correctPerson({ actor, personId: person.id, input, source: "PERSON" });
    expect(first.changedFields.sort()).toEqual(["country", "familyName", "phone", "postalCode", "preferredLanguage"]);

    const stored = await t.database.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(stored).toMatchObject({ givenName: "Aino", familyName: "Virtanen", phone: "+358401234567", country: "FI", sequence: 1 });
    expect(await counts(person.id)).toEqual({ audit: 1, outbox: 1, history: 5 });

    const event = await t.database.prisma.outboxEvent.findFirstOrThrow({ where: { personId: person.id } });
    expect(event.type).toBe("person.updated");
    expect(event.sequence).toBe(1);
    const payload = event.payload as { data: { changedFields: string[]; values: Record<string, unknown> }; externalIds: Record<string, string[]> };
    expect(payload.data.changedFields.sort()).toEqual(["country", "familyName", "phone", "postalCode", "preferredLanguage"]);
    expect(payload.data.values.phone).toBe("+358401234567");
    expect(Object.keys(payload.externalIds)).toEqual(["crm"]);

    const audit = await t.database.prisma.auditEntry.findFirstOrThrow({ where: { personId: person.id } });
    expect(audit.action).toBe("person.updated");
    expect(JSON.stringify(audit.details)).not.toContain("358401234567"); // field names, never values

    await correctPerson({ actor, personId: person.id, input: { phone: "+358 50 111 2223" }, source: "PERSON" });
    const second = await t.database.prisma.outboxEvent.findFirstOrThrow({ where: { personId: person.id, sequence: 2 } });
    expect((second.payload as { data: { changedFields: string[] } }).data.changedFields).toEqual(["phone"]);
    expect(await counts(person.id)).toEqual({ audit: 2, outbox: 2, history: 6 });
    await sequenceAuditLog(t.database.prisma);
    expect((await verifyAuditChain(t.database.prisma)).intact).toBe(true);
  });

  it("writes nothing when nothing changes", async () => {
    const person = await createPerson(t.database.prisma, { givenName: "Same" });
    const result = await correctPerson({ actor: { kind: "PERSON", id: null }, personId: person.id, input: { givenName: "Same" }, source: "PERSON" });
    expect(result.changedFields).toEqual([]);
    expect(await counts(person.id)).toEqual({ audit: 0, outbox: 0, history: 0 });
  });

  it.each([
    [{ phone: "12345" }, "phone", "phoneInvalid"],
    [{ country: "FI", postalCode: "1234" }, "postalCode", "postalCodeFi"],
    [{ birthDate: "2999-01-01" }, "birthDate", "birthDateFuture"],
    [{ birthDate: "1850-01-01" }, "birthDate", "birthDateImplausible"],
    [{ country: "XX" }, "country", "countryInvalid"],
    [{ givenName: "x".repeat(101) }, "givenName", "tooLong"],
  ])("refuses %j with %s: %s and writes nothing", async (input, field, message) => {
    const person = await createPerson(t.database.prisma);
    const before = await t.database.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
    const error = await correctPerson({ actor: { kind: "PERSON", id: null }, personId: person.id, input, source: "PERSON" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("VALIDATION");
    expect(error.options.fields[field]).toBe(message);
    expect(await t.database.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toEqual(before);
    expect(await counts(person.id)).toEqual({ audit: 0, outbox: 0, history: 0 });
  });

  it("records where each value came from: the latest change per field", async () => {
    const person = await createPerson(t.database.prisma);
    await correctPerson({ actor: { kind: "SYSTEM", id: "crm" }, personId: person.id, input: { city: "Oulu", familyName: "Kallio" }, source: "SYSTEM", system: "crm" });
    await correctPerson({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { city: "Turku" }, source: "PERSON" });
    const profile = (await getProfile(person.id))!;
    expect(profile.provenance.city).toMatchObject({ source: "PERSON", system: null });
    expect(profile.provenance.familyName).toMatchObject({ source: "SYSTEM", system: "crm" });
    expect(profile.fields.city).toBe("Turku");
  });
});
