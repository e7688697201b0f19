// A merge writes only after the same staff member opened both records with a reason (Compare:
// person.viewed within the window): the merge page's gate, held by mergePersons for every caller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { mergePersons } from "@/lib/identity/merge-persons";
import { PERSON_VIEW_WINDOW_MS } from "@/lib/persons/get-recent-person-view";
import { recordPersonView } from "@/lib/persons/record-person-view";
import { createPerson } from "../../factories/persons";
import { createStaff } from "../../factories/staff";
import { rowCounter } from "../../support/row-counter";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let counts: Awaited<ReturnType<typeof rowCounter>>;
beforeAll(async () => {
  t = await setupTestDatabase();
  counts = await rowCounter(t.database);
});
afterAll(async () => t.drop());

const pair = async () => [await createPerson(t.database.prisma), await createPerson(t.database.prisma)] as const;
const compare = { reasonCode: "identity_resolution" } as const;

async function expectRefused(run: () => Promise<unknown>) {
  const before = await counts();
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "FORBIDDEN", options: { userMessage: "reasonRequired" } });
  expect(await counts()).toEqual(before);
}

describe("mergePersons needs a recent look at both records by the same staff member", () => {
  it("refuses without views, or with a view of one of the two only, and writes nothing", async () => {
    const { actor } = await createStaff(t.database.prisma, "PRIVACY_OFFICER");
    const [a, b] = await pair();
    await expectRefused(() => mergePersons({ actor, input: { survivorId: a.id, mergedId: b.id } }));
    await recordPersonView({ actor, personId: a.id, input: compare });
    await expectRefused(() => mergePersons({ actor, input: { survivorId: a.id, mergedId: b.id } }));
    await expectRefused(() => mergePersons({ actor, input: { survivorId: b.id, mergedId: a.id } }));
  });

  it("does not count another staff member's views, nor views older than the window", async () => {
    const viewer = await createStaff(t.database.prisma, "ADMIN");
    const { actor } = await createStaff(t.database.prisma, "PRIVACY_OFFICER");
    const [a, b] = await pair();
    await recordPersonView({ actor: viewer.actor, personId: [a.id, b.id], input: compare });
    await expectRefused(() => mergePersons({ actor, input: { survivorId: a.id, mergedId: b.id } }));
    const viewedAt = new Date();
    await recordPersonView({ actor, personId: [a.id, b.id], input: compare, now: viewedAt });
    const late = new Date(viewedAt.getTime() + PERSON_VIEW_WINDOW_MS + 1_000);
    await expectRefused(() => mergePersons({ actor, input: { survivorId: a.id, mergedId: b.id }, now: late }));
  });

  it("merges after the staff member compared both records", async () => {
    const { actor } = await createStaff(t.database.prisma, "PRIVACY_OFFICER");
    const [a, b] = await pair();
    await recordPersonView({ actor, personId: [a.id, b.id], input: compare });
    expect(await mergePersons({ actor, input: { survivorId: a.id, mergedId: b.id } })).toMatchObject({ survivorId: a.id, mergedId: b.id });
    expect(await t.database.prisma.person.count({ where: { id: { in: [a.id, b.id] } } })).toBe(1);
    expect(await t.database.prisma.auditEntry.count({ where: { action: "person.merged", actorId: actor.id } })).toBe(1);
  });
});
