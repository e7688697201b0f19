// The access matrix at the domain level: everything the portal calls is bound to the session's
// own person or user, so ids of another person find nothing and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { findInteractions } from "@/lib/persons/find-interactions";
import { openRectificationRequest } from "@/lib/requests/open-rectification-request";
import { endSession } from "@/lib/sessions/end-sessions";
import { findSessions } from "@/lib/sessions/find-sessions";
import { createPerson } from "../../factories/persons";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function personWithUserAndSession() {
  const person = await createPerson(t.database.prisma);
  const user = await t.database.prisma.user.create({ data: { email: person.email!, personId: person.id } });
  const session = await t.database.prisma.session.create({
    data: { sessionToken: `tok-${person.id}`, userId: user.id, expires: new Date(Date.now() + 3600_000) },
  });
  return { person, user, session };
}

describe("person A cannot reach person B", () => {
  it("cannot end B's session", async () => {
    const a = await personWithUserAndSession();
    const b = await personWithUserAndSession();
    const error = await endSession({ actor: { kind: "PERSON", id: a.user.id }, userId: a.user.id, personId: a.person.id, sessionId: b.session.id }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("NOT_FOUND");
    expect(await t.database.prisma.session.count({ where: { id: b.session.id } })).toBe(1);
    expect(await findSessions(a.user.id, null)).toEqual([expect.objectContaining({ id: a.session.id })]);
  });

  it("cannot open a rectification request about B's organisation", async () => {
    const a = await personWithUserAndSession();
    const b = await personWithUserAndSession();
    const org = await t.database.prisma.organization.create({ data: { name: "B Oy", businessId: `${Date.now()}`.slice(-7) + "-0" } });
    await t.database.prisma.membership.create({ data: { personId: b.person.id, organizationId: org.id, role: "CEO" } });
    const error = await openRectificationRequest({ actor: { kind: "PERSON", id: a.user.id }, personId: a.person.id, input: { organizationId: org.id, description: "Wrong address" } }).catch((e) => e);
    expect(error.code).toBe("NOT_FOUND");
    expect(await t.database.prisma.dataRequest.count()).toBe(0);

    const opened = await openRectificationRequest({ actor: { kind: "PERSON", id: b.user.id }, personId: b.person.id, input: { organizationId: org.id, description: "Wrong address" } });
    const request = await t.database.prisma.dataRequest.findUniqueOrThrow({ where: { id: opened.id } });
    expect(request).toMatchObject({ personId: b.person.id, type: "RECTIFICATION", status: "RECEIVED", description: "Wrong address" });
    expect(await t.database.prisma.auditEntry.count({ where: { personId: b.person.id, action: "request.received" } })).toBe(1);
  });

  it("sees only their own purchase history", async () => {
    const a = await personWithUserAndSession();
    const b = await personWithUserAndSession();
    await t.database.prisma.interaction.create({
      data: { personId: b.person.id, system: "webshop", externalId: `o-${b.person.id}`, kind: "PURCHASE", occurredAt: new Date(), summary: "B's order" },
    });
    expect((await findInteractions(a.person.id)).items).toEqual([]);
    expect((await findInteractions(b.person.id)).items.map((i) => i.summary)).toEqual(["B's order"]);
  });
});
