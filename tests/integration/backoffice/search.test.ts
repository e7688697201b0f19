// Customer search: typo-tolerant names (pg_trgm on both backends), email, phone, external id,
// business ID and person id; erased persons are not found; SUPPORT and up. A search needs a
// search session opened with a stated reason; each search is audited with a keyed hash of the
// query (never the query), and results carry names only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { SEARCH_SESSION_WINDOW_MS } from "@/lib/search/get-open-search-session";
import { searchPersons } from "@/lib/search/search-persons";
import { startSearchSession } from "@/lib/search/start-search-session";
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
  for (const actor of [support, staffActor("PRIVACY_OFFICER"), staffActor("ADMIN")]) await startSearchSession({ actor, input: { reasonCode: "support_call" } });
});
afterAll(async () => t.drop());

const ids = async (q: string) => (await searchPersons({ actor: support, input: { q } })).map((r) => r.id);

describe("searchPersons", () => {
  it("finds a person by a misspelt surname, ranks the closest first, and leaves erased persons out", async () => {
    const results = await searchPersons({ actor: support, input: { q: "Virtanem" } });
    expect(results[0]).toMatchObject({ id: aino.id, matchedBy: "name", givenName: "Aino", familyName: "Virtanen" });
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

let staffCount = 0;
/** A staff actor of its own, so its search sessions and audit entries are only this test's. */
const freshStaff = (role: "SUPPORT" | "PRIVACY_OFFICER" | "ADMIN" = "SUPPORT"): Actor => staffActor(role, `search-staff-${++staffCount}-${stamp}`);
const entriesOf = (actor: Actor, action: string) =>
  t.database.prisma.auditEntry.findMany({ where: { actorId: actor.id, action }, orderBy: { id: "asc" }, select: { id: true, personId: true, details: true } });

describe("the search session: a stated reason before searching", () => {
  it("refuses a search without a search session, for every staff role, and writes nothing", async () => {
    for (const role of ["SUPPORT", "PRIVACY_OFFICER", "ADMIN"] as const) {
      const actor = freshStaff(role);
      const error = await searchPersons({ actor, input: { q: "Virtanen" } }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "FORBIDDEN", options: { userMessage: "reasonRequired" } });
      expect(await t.database.prisma.auditEntry.count({ where: { actorId: actor.id } })).toBe(0);
    }
  });

  it("records the stated reason as person.search_started with the code, the note and the role", async () => {
    const actor = freshStaff("PRIVACY_OFFICER");
    await startSearchSession({ actor, input: { reasonCode: "other", note: "Quarterly quality check" } });
    const [entry, ...more] = await entriesOf(actor, "person.search_started");
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ personId: null, details: { reasonCode: "other", reason: "Quarterly quality check", role: "PRIVACY_OFFICER" } });
    expect(await ids("Virtanen")).toContain(aino.id);
  });

  it("refuses a missing or unknown reason, and 'other' without a note, with form messages", async () => {
    const actor = freshStaff();
    for (const [input, fields] of [
      [{}, { reasonCode: "reasonRequired" }],
      [{ reasonCode: "curiosity" }, { reasonCode: "reasonRequired" }],
      [{ reasonCode: "other", note: "" }, { note: "noteRequired" }],
      [{ reasonCode: "complaint", note: "x".repeat(201) }, { note: "tooLong" }],
    ] as const) {
      const error = await startSearchSession({ actor, input }).catch((e) => e);
      expect(error).toMatchObject({ code: "VALIDATION", options: { fields } });
    }
    expect(await t.database.prisma.auditEntry.count({ where: { actorId: actor.id } })).toBe(0);
    expect((await startSearchSession({ actor: staffActor("CUSTOMER"), input: { reasonCode: "support_call" } }).catch((e) => e)).code).toBe("FORBIDDEN");
  });

  it("ends after the window: a search then asks for the reason again", async () => {
    const actor = freshStaff();
    const startedAt = new Date();
    await startSearchSession({ actor, input: { reasonCode: "complaint" }, now: startedAt });
    const inTime = new Date(startedAt.getTime() + SEARCH_SESSION_WINDOW_MS - 1_000);
    expect((await searchPersons({ actor, input: { q: "Virtanen" }, now: inTime })).map((r) => r.id)).toContain(aino.id);
    const late = new Date(startedAt.getTime() + SEARCH_SESSION_WINDOW_MS + 1_000);
    const error = await searchPersons({ actor, input: { q: "Virtanen" }, now: late }).catch((e) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN", options: { userMessage: "reasonRequired" } });
    expect(await entriesOf(actor, "person.searched")).toHaveLength(1);
    await startSearchSession({ actor, input: { reasonCode: "support_call" }, now: late });
    expect((await searchPersons({ actor, input: { q: "Virtanen" }, now: late })).map((r) => r.id)).toContain(aino.id);
  });
});

describe("each search is audited without its text", () => {
  it("appends person.searched with the session's reason, the count, the role and a keyed hash of the query", async () => {
    const actor = freshStaff("ADMIN");
    await startSearchSession({ actor, input: { reasonCode: "identity_resolution" } });
    const [session] = await entriesOf(actor, "person.search_started");
    const found = await searchPersons({ actor, input: { q: aino.email! } });
    await searchPersons({ actor, input: { q: `  ${aino.email!.toUpperCase()} ` } });
    await searchPersons({ actor, input: { q: "Virtanem" } });
    await searchPersons({ actor, input: { q: "Xyzzyqwv" } });
    const searched = await entriesOf(actor, "person.searched");
    expect(searched).toHaveLength(4);
    expect(found.map((r) => r.id)).toEqual([aino.id]);
    expect(searched[0]).toMatchObject({ personId: null, details: { session: session!.id, reasonCode: "identity_resolution", results: 1, role: "ADMIN", queryHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(searched[3]).toMatchObject({ details: { results: 0 } });
    const hashes = searched.map((e) => (e.details as { queryHash: string }).queryHash);
    expect(hashes[1]).toBe(hashes[0]);
    expect(new Set(hashes).size).toBe(3);

    const stored = JSON.stringify(await t.database.prisma.auditEntry.findMany({ where: { actorId: actor.id } })).toLowerCase();
    for (const secret of [aino.email!.toLowerCase(), aino.email!.split("@")[0]!.toLowerCase(), "virtanem", "virtanen", "aino", "xyzzyqwv", "+358401234567"]) {
      expect(stored).not.toContain(secret);
    }
  });

  it("answers names and how they matched, never contact data", async () => {
    const results = await searchPersons({ actor: support, input: { q: aino.email! } });
    expect(results).toHaveLength(1);
    expect(Object.keys(results[0]!).sort()).toEqual(["familyName", "givenName", "id", "matchedBy", "score"]);
    expect(JSON.stringify(results)).not.toContain(aino.email!);
    expect(JSON.stringify(results)).not.toContain("+358401234567");
    expect(JSON.stringify(results)).not.toContain("00100");
  });
});
