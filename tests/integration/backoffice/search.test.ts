// Customer search: typo-tolerant names (pg_trgm on both backends), email, phone, external id,
// business ID and person id; erased persons are not found; SUPPORT and up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { searchPersons } from "@/lib/search/search-persons";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { staffActor } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
const support = staffActor("SUPPORT");
let aino: { id: string; email: string | null };
let stamp: string;

beforeAll(async () => {
  t = await setupTestDatabase();
  const prisma = t.database.prisma;
  stamp = `${Date.now()}`.slice(-6);
  aino = await createPerson(prisma, { givenName: "Aino" }, [{ system: "crm", externalId: `CRM-${stamp}` }]);
  await prisma.person.update({ where: { id: aino.id }, data: { familyName: "Virtanen", phone: "+358401234567", postalCode: "00100" } });
  for (const [givenName, familyName] of [["Matti", "Korhonen"], ["Liisa", "Mäkinen"], ["Aino", "Nieminen"], ["Pekka", "Virtala"]] as const) {
    const p = await createPerson(prisma, { givenName });
    await prisma.person.update({ where: { id: p.id }, data: { familyName } });
  }
  const org = await prisma.organization.create({ data: { name: "Puu Oy", businessId: "0112038-9" } });
  await prisma.membership.create({ data: { personId: aino.id, organizationId: org.id, role: "CEO" } });
  const erased = await createPerson(prisma, { givenName: "Aino" });
  await prisma.person.update({ where: { id: erased.id }, data: { familyName: "Virtanen", erasedAt: new Date() } });
});
afterAll(async () => t.drop());

const ids = async (q: string) => (await searchPersons({ actor: support, input: { q } })).map((r) => r.id);

describe("searchPersons", () => {
  it("finds a person by a misspelt surname, ranks the closest first, and leaves erased persons out", async () => {
    const results = await searchPersons({ actor: support, input: { q: "Virtanem" } });
    expect(results[0]).toMatchObject({ id: aino.id, matchedBy: "name", familyName: "Virtanen" });
    expect(results[0]!.score).toBeGreaterThan(0.5);
    expect(results.filter((r) => r.familyName === "Virtanen")).toHaveLength(1);
    expect(await ids("aino virtanen")).toEqual([aino.id]);
    expect(await ids("Aino Virtnen")).toEqual([aino.id]);
  });

  it("finds a person by external id, email, phone, business ID and id", async () => {
    expect(await searchPersons({ actor: support, input: { q: `CRM-${stamp}` } })).toEqual([expect.objectContaining({ id: aino.id, matchedBy: "externalId", score: 1 })]);
    expect(await ids(aino.email!.toUpperCase())).toEqual([aino.id]);
    expect(await ids(aino.email!.slice(0, 12))).toContain(aino.id);
    expect(await ids("040 123 4567")).toEqual([aino.id]);
    expect(await ids("+358 40 1234567")).toEqual([aino.id]);
    expect(await ids("0112038-9")).toEqual([aino.id]);
    expect(await ids(aino.id)).toEqual([aino.id]);
  });

  it("answers nothing for an unknown name and refuses a too short query", async () => {
    expect(await ids("Xyzzyqwv")).toEqual([]);
    expect(await ids(uniqueEmail())).toEqual([]);
    const error = await searchPersons({ actor: support, input: { q: "a" } }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.options.fields.q).toBe("queryTooShort");
  });

  it("uses the trigram indexes for names on this backend", async () => {
    const plan = await t.database.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT "id" FROM "Person" WHERE "familyName" % 'Virtanem' OR "givenName" % 'Virtanem'`);
    });
    const text = plan.map((row) => Object.values(row)[0]).join("\n");
    expect(text).toContain("Person_familyName_idx");
    expect(text).toContain("Person_givenName_idx");
  });

  it("is for staff from SUPPORT up", async () => {
    for (const actor of [staffActor("CUSTOMER"), { kind: "PERSON" as const, id: "u", role: "ADMIN" as const }]) {
      const error = await searchPersons({ actor, input: { q: "Virtanen" } }).catch((e) => e);
      expect(error.code).toBe("FORBIDDEN");
    }
    for (const role of ["PRIVACY_OFFICER", "ADMIN"] as const) {
      expect((await searchPersons({ actor: staffActor(role), input: { q: "Virtanen" } })).map((r) => r.id)).toContain(aino.id);
    }
  });
});
