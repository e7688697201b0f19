// A staff correction writes only after the same staff member opened the record with a stated
// reason (person.viewed within the window): the rule of the record page, held by the domain
// function itself so a posted action cannot skip it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { correctPersonAsStaff } from "@/lib/persons/correct-person-as-staff";
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

const birthDateOf = async (id: string) => (await t.database.prisma.person.findUniqueOrThrow({ where: { id }, select: { birthDate: true } })).birthDate;
const correction = { birthDate: "1970-01-01" };
const reason = "Customer asked on the phone";

async function expectRefused(run: () => Promise<unknown>, personId: string) {
  const before = await counts();
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "FORBIDDEN", options: { userMessage: "viewFirst" } });
  expect(await counts()).toEqual(before);
  expect(await birthDateOf(personId)).toBeNull();
}

describe("correctPersonAsStaff needs a recent look at the record by the same staff member", () => {
  it("refuses without a view and writes nothing: no change, no audit entry, no outbox event", async () => {
    const { actor } = await createStaff(t.database.prisma, "SUPPORT");
    const person = await createPerson(t.database.prisma);
    await expectRefused(() => correctPersonAsStaff({ actor, personId: person.id, input: correction, reason }), person.id);
  });

  it("corrects after the staff member opened the record with a reason", async () => {
    const { actor } = await createStaff(t.database.prisma, "SUPPORT");
    const person = await createPerson(t.database.prisma);
    await recordPersonView({ actor, personId: person.id, input: { reasonCode: "data_correction" } });
    const result = await correctPersonAsStaff({ actor, personId: person.id, input: correction, reason });
    expect(result.changedFields).toEqual(["birthDate"]);
    expect(await birthDateOf(person.id)).toEqual(new Date("1970-01-01T00:00:00Z"));
    expect(await t.database.prisma.auditEntry.count({ where: { personId: person.id, action: "person.updated", actorId: actor.id } })).toBe(1);
    expect(await t.database.prisma.outboxEvent.count({ where: { personId: person.id, type: "person.updated" } })).toBe(1);
  });

  it("does not count another staff member's view, nor a view of another person", async () => {
    const viewer = await createStaff(t.database.prisma, "PRIVACY_OFFICER");
    const { actor } = await createStaff(t.database.prisma, "ADMIN");
    const [person, other] = [await createPerson(t.database.prisma), await createPerson(t.database.prisma)];
    await recordPersonView({ actor: viewer.actor, personId: person.id, input: { reasonCode: "support_call" } });
    await recordPersonView({ actor, personId: other.id, input: { reasonCode: "support_call" } });
    await expectRefused(() => correctPersonAsStaff({ actor, personId: person.id, input: correction, reason }), person.id);
  });

  it("does not count a view older than the window", async () => {
    const { actor } = await createStaff(t.database.prisma, "SUPPORT");
    const person = await createPerson(t.database.prisma);
    const viewedAt = new Date();
    await recordPersonView({ actor, personId: person.id, input: { reasonCode: "support_call" }, now: viewedAt });
    const late = new Date(viewedAt.getTime() + PERSON_VIEW_WINDOW_MS + 1_000);
    await expectRefused(() => correctPersonAsStaff({ actor, personId: person.id, input: correction, reason, now: late }), person.id);
    const inTime = new Date(viewedAt.getTime() + PERSON_VIEW_WINDOW_MS - 1_000);
    expect((await correctPersonAsStaff({ actor, personId: person.id, input: correction, reason, now: inTime })).changedFields).toEqual(["birthDate"]);
  });
});
