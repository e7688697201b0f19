// The staff search's list of distinct names (PersonName): the trigger on Person adds every name
// given and removes a name its last holder no longer holds (renamed, erased), whatever writes it,
// in the same transaction, so a new or renamed person is found by a misspelt name at once and an
// erased person's name is gone with the erasure; the sweep removes copies and names no one holds
// and adds back a name that went missing (the races the trigger leaves).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchPersons } from "@/lib/search/search-persons";
import { startSearchSession } from "@/lib/search/start-search-session";
import { sweepPersonNames } from "@/lib/search/sweep-person-names";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { staffActor } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
const support = staffActor("SUPPORT");
/** A surname no other test uses: random letters, so a typo of it is similar to it alone. */
const uniqueSurname = () => `Z${[...randomBytes(9)].map((b) => "abcdefghijklmnopqrstuvwxyz"[b % 26]).join("")}`;
/** One letter dropped from the middle. */
const typo = (name: string) => name.slice(0, 4) + name.slice(5);
const found = async (q: string) => (await searchPersons({ actor: support, input: { q } })).map((r) => r.id);
const listed = async (name: string) =>
  Number((await t.database.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "PersonName" WHERE "name" = ${name}`)[0]!.n);

beforeAll(async () => {
  t = await setupTestDatabase();
  await startSearchSession({ actor: support, input: { reasonCode: "support_call" } });
});
afterAll(async () => t.drop());

describe("the search's list of names", () => {
  it("knows a name as soon as a person is given it, by any write, and the person is found by a typo of it", async () => {
    const prisma = t.database.prisma;
    const created = await createPerson(prisma, { givenName: "Aino" });
    const surname = uniqueSurname();
    expect(await found(typo(surname))).toEqual([]);
    await prisma.person.update({ where: { id: created.id }, data: { familyName: surname } });
    expect(await listed(surname)).toBe(1);
    expect(await found(typo(surname))).toEqual([created.id]);
    expect(await found(`aino ${typo(surname)}`)).toEqual([created.id]);

    // Written with SQL, not through the application: the trigger sees it all the same.
    const raw = uniqueSurname();
    const [inserted] = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO "Person" ("id", "email", "givenName", "familyName", "createdAt", "updatedAt")
      VALUES (gen_random_uuid()::text, ${uniqueEmail()}, 'Eino', ${raw}, now(), now()) RETURNING "id"`;
    expect(await found(typo(raw))).toEqual([inserted!.id]);
  });

  it("after a rename, finds the person by the new name only, and forgets the old name unless someone else holds it", async () => {
    const prisma = t.database.prisma;
    const [before, after] = [uniqueSurname(), uniqueSurname()];
    const person = await createPerson(prisma, { givenName: "Liisa" });
    await prisma.person.update({ where: { id: person.id }, data: { familyName: before } });
    await prisma.person.update({ where: { id: person.id }, data: { familyName: after } });
    expect(await found(typo(after))).toEqual([person.id]);
    expect(await found(typo(before))).toEqual([]);
    expect(await listed(before)).toBe(0);
    expect(await listed(after)).toBe(1);
    // A name another person still holds stays.
    const other = await createPerson(prisma, { givenName: "Liisa" });
    await prisma.person.update({ where: { id: other.id }, data: { familyName: after } });
    await prisma.person.update({ where: { id: person.id }, data: { familyName: before, givenName: "Kerttu" } });
    expect(await listed(after)).toBe(1);
    expect(await listed(before)).toBe(1);
    expect(await listed("Liisa")).toBe(1);
    expect(await found(typo(after))).toEqual([other.id]);
  });

  it("an erasure removes the person's names at once, but not a name someone else still holds", async () => {
    const prisma = t.database.prisma;
    const [own, shared] = [uniqueSurname(), uniqueSurname()];
    const erased = await createPerson(prisma, { givenName: own });
    const other = await createPerson(prisma, { givenName: "Matti" });
    await prisma.person.update({ where: { id: erased.id }, data: { familyName: shared } });
    await prisma.person.update({ where: { id: other.id }, data: { familyName: shared } });
    await prisma.person.update({ where: { id: erased.id }, data: { erasedAt: new Date() } });
    expect(await listed(own)).toBe(0);
    expect(await found(typo(own))).toEqual([]);
    expect(await listed(shared)).toBe(1);
    expect(await found(typo(shared))).toEqual([other.id]);
  });

  it("the sweep removes copies of a name and adds back a name that went missing", async () => {
    const prisma = t.database.prisma;
    const surname = uniqueSurname();
    const person = await createPerson(prisma, { givenName: "Pekka" });
    await prisma.person.update({ where: { id: person.id }, data: { familyName: surname } });
    // As two transactions adding the same new name at once leave it; as a sweep racing a new holder leaves it.
    await prisma.$executeRaw`INSERT INTO "PersonName" ("name") VALUES (${surname}), (${surname})`;
    expect(await listed(surname)).toBe(3);
    expect(await found(typo(surname))).toEqual([person.id]);
    await sweepPersonNames(prisma);
    expect(await listed(surname)).toBe(1);
    await prisma.$executeRaw`DELETE FROM "PersonName" WHERE "name" = ${surname}`;
    expect(await found(typo(surname))).toEqual([]);
    const { added } = await sweepPersonNames(prisma);
    expect(added).toBeGreaterThanOrEqual(1);
    expect(await listed(surname)).toBe(1);
    expect(await found(typo(surname))).toEqual([person.id]);
  });
});
