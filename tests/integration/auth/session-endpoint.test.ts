import { randomBytes } from "node:crypto";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionPayload } from "@/lib/auth/session-payload";
import { createPerson } from "../../factories/persons";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

// next-auth itself does not load under vitest, so this calls the session callback the way
// @auth/core's session action does for database sessions: the adapter's row, spread, plus the user.
describe("the session callback behind auth() and GET /api/auth/session", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await setupTestDatabase();
  });
  afterAll(async () => t.drop());

  it("answers the user and the expiry only: never the session token, the session id or the user agent", async () => {
    const prisma = t.database.prisma;
    const person = await createPerson(prisma);
    const created = await prisma.user.create({ data: { email: person.email!, personId: person.id } });
    const sessionToken = randomBytes(32).toString("hex");
    const row = await prisma.session.create({
      data: { sessionToken, userId: created.id, expires: new Date(Date.now() + 3600_000), userAgent: "Mozilla/5.0 (TestAgent)" },
    });
    const found = await PrismaAdapter(prisma).getSessionAndUser!(sessionToken);
    const { session, user } = found!;

    const body = JSON.stringify(await sessionPayload({ session: { ...session, user }, user } as never));

    expect(body).not.toContain(sessionToken);
    expect(body).not.toContain(row.id);
    expect(body).not.toContain("TestAgent");
    expect(JSON.parse(body)).toEqual({
      user: { id: created.id, role: "CUSTOMER", personId: person.id, email: person.email },
      expires: row.expires.toISOString(),
    });
  });
});
