// Dates and postal codes as people in Finland write them: the profile correction takes a birth
// date typed in the person's language and checks postal codes for the country (the stored one
// when a system sends a code alone); request emails name their dates in Helsinki time, not UTC.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { correctPerson } from "@/lib/persons/correct-person";
import { renderRequestEmail } from "@/lib/requests/render-request-email";
import { createPerson } from "../../factories/persons";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const person: Actor = { kind: "PERSON", id: null };
const form = { givenName: "Aino", familyName: "Virtanen", phone: "", streetAddress: "", postalCode: "", city: "", country: "", preferredLanguage: "fi" as const, birthDate: "" };
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

describe("the profile correction", () => {
  it.each(["31.12.1985", "31/12/1985", "1985-12-31"])("stores the birth date %s as 31 December 1985", async (birthDate) => {
    const { id } = await createPerson(t.database.prisma);
    await correctPerson({ actor: person, personId: id, input: { ...form, birthDate, postalCode: "00100" }, source: "PERSON" });
    const stored = await t.database.prisma.person.findUniqueOrThrow({ where: { id } });
    expect(stored.birthDate?.toISOString()).toBe("1985-12-31T00:00:00.000Z");
    expect(stored.postalCode).toBe("00100");
  });

  it("refuses 31.2.1985 and ABC12 without a country with their messages, writing nothing", async () => {
    const { id } = await createPerson(t.database.prisma);
    const before = await t.database.prisma.person.findUniqueOrThrow({ where: { id } });
    const refused = (input: Partial<typeof form>) => refusal(correctPerson({ actor: person, personId: id, input: { ...form, ...input }, source: "PERSON" }));
    const badDate = await refused({ birthDate: "31.2.1985" });
    expect(badDate).toBeInstanceOf(AppError);
    expect(badDate?.options.fields).toEqual({ birthDate: "dateNotReal" });
    expect((await refused({ postalCode: "ABC12" }))?.options.fields).toEqual({ postalCode: "postalCodeNoCountry" });
    expect((await refused({ postalCode: "00100", country: "NO" }))?.options.fields).toEqual({ postalCode: "postalCodeCountry" });
    expect(await t.database.prisma.person.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await t.database.prisma.auditEntry.count({ where: { personId: id } })).toBe(0);
  });

  it("checks a postal code sent alone against the country on file", async () => {
    const system: Actor = { kind: "SYSTEM", id: "crm" };
    const { id } = await createPerson(t.database.prisma);
    const alone = (postalCode: string) => correctPerson({ actor: system, personId: id, input: { postalCode }, source: "SYSTEM", system: "crm" });

    const noCountry = await refusal(alone("ABC12"));
    expect([noCountry?.code, noCountry?.status, noCountry?.options.fields]).toEqual(["VALIDATION", 422, { postalCode: "postalCodeNoCountry" }]);
    expect((await alone("33100")).changedFields).toEqual(["postalCode"]);

    await t.database.prisma.person.update({ where: { id }, data: { country: "SE" } });
    expect((await refusal(alone("3310")))?.options.fields).toEqual({ postalCode: "postalCodeSe" });
    expect((await alone("114 55")).changedFields).toEqual(["postalCode"]);
    expect((await t.database.prisma.person.findUniqueOrThrow({ where: { id } })).postalCode).toBe("114 55");
  });
});

describe("request emails", () => {
  it("name a due date in Helsinki time: late evening UTC is already the next day there", async () => {
    // 23:30 UTC on 15 February is 01:30 on 16 February in Helsinki.
    const due = new Date("2026-02-15T23:30:00Z");
    const email = (language: string) => renderRequestEmail({ to: "someone@example.com", language, kind: "extended", requestType: "ACCESS", date: due });
    expect((await email("en")).text).toContain("by 16 February 2026 at the latest");
    expect((await email("fi")).text).toContain("16. helmikuuta 2026");
    expect((await email("sv")).text).toContain("16 februari 2026");
    expect((await email("en")).text).not.toContain("15 February");
  });
});
