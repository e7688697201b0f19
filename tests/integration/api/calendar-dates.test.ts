// Birth dates are real calendar days: 1980-02-31 used to be stored as 1980-03-02. The profile form
// (through correctPerson, which its action calls) and the integration API refuse it, and a date in
// the future, naming the field; the API answers 422 for a well-formed but impossible date.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiScopes } from "@/lib/api-keys/scopes";
import { overrideConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { correctPerson } from "@/lib/persons/correct-person";
import { createPerson } from "../../factories/persons";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  key = await createKey((await createSystem()).id, [...apiScopes]);
});
afterAll(async () => t.drop());

const writes = async (personId: string) => ({
  person: await t.database.prisma.person.findUniqueOrThrow({ where: { id: personId } }),
  audit: await t.database.prisma.auditEntry.count({ where: { personId } }),
  outbox: await t.database.prisma.outboxEvent.count({ where: { personId } }),
  history: await t.database.prisma.personFieldChange.count({ where: { personId } }),
});
const nextYear = `${new Date().getUTCFullYear() + 1}-01-15`;
const storedBirthDate = async (personId: string) =>
  (await t.database.prisma.person.findUniqueOrThrow({ where: { id: personId } })).birthDate?.toISOString().slice(0, 10) ?? null;

describe("the profile form's birth date (correctPerson)", () => {
  it.each([
    ["1980-02-31", "dateNotReal"],
    ["1981-02-29", "dateNotReal"],
    ["2024-04-31", "dateNotReal"],
    ["1980-13-01", "dateNotReal"],
    [nextYear, "birthDateFuture"],
    ["31.12.80", "dateInvalid"],
  ])("refuses %s with %s and writes nothing", async (birthDate, message) => {
    const person = await createPerson(t.database.prisma);
    const before = await writes(person.id);
    const error = await correctPerson({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { birthDate }, source: "PERSON" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect((error as AppError).options.fields).toEqual({ birthDate: message });
    expect(await writes(person.id)).toEqual(before);
  });

  it("stores a real leap day as that very day", async () => {
    const person = await createPerson(t.database.prisma);
    await correctPerson({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { birthDate: "1980-02-29" }, source: "PERSON" });
    expect(await storedBirthDate(person.id)).toBe("1980-02-29");
  });
});

describe("PATCH /api/v1/persons/{id} birth dates", () => {
  const patch = (personId: string, changes: Record<string, string>) =>
    api("PATCH", `/api/v1/persons/${personId}`, { key, body: { observedAt: new Date().toISOString(), changes } });

  it.each([
    ["1980-02-31", "dateNotReal"],
    ["2023-02-29", "dateNotReal"],
    [nextYear, "birthDateFuture"],
  ])("answers 422 problem+json naming changes.birthDate for %s (%s), and writes nothing", async (birthDate, message) => {
    const person = await createPerson(t.database.prisma);
    const before = await writes(person.id);
    const response = await patch(person.id, { birthDate, city: "Oulu" });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.body).toMatchObject({ status: 422, type: expect.stringContaining("#problem-validation"), errors: [{ path: "changes.birthDate", message }] });
    expect(await writes(person.id)).toEqual(before);
  });

  it("keeps 400 for a malformed date, or when anything else in the body is malformed too", async () => {
    const person = await createPerson(t.database.prisma);
    expect((await patch(person.id, { birthDate: "31.12.1980" })).body).toMatchObject({ status: 400, errors: [{ path: "changes.birthDate", message: "dateInvalid" }] });
    const mixed = await patch(person.id, { birthDate: "1980-02-31", givenName: "x".repeat(101) });
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["changes.birthDate", "changes.givenName"]);
    expect(await storedBirthDate(person.id)).toBeNull();
  });

  it("stores a real date exactly and reads it back as sent", async () => {
    const person = await createPerson(t.database.prisma);
    expect(await patch(person.id, { birthDate: "2000-02-29" })).toMatchObject({ status: 200, body: { changedFields: ["birthDate"] } });
    expect((await api("GET", `/api/v1/persons/${person.id}`, { key })).body.details.birthDate).toBe("2000-02-29");
  });
});
