// The officer queue shows due dates in the configured zone (Helsinki), in British English order:
// a request due late in the UTC evening is due the next day in Helsinki, and the page says so.
import { isValidElement, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { outcomeOf, testSession } from "../../support/next-request";

vi.mock("@/lib/auth/auth", async () => {
  const { testSession: session } = await import("../../support/next-request");
  return { auth: async () => (session.current ? { user: session.current, expires: new Date(Date.now() + 3600_000).toISOString() } : null) };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "192.0.2.1" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// The real English messages; the page formats through lib/i18n/get-formatter as it does live.
vi.mock("next-intl/server", async () => {
  const { translatorFor } = await import("@/lib/i18n/messages");
  return { getTranslations: async (namespace: never) => translatorFor("en", namespace), getLocale: async () => "en", getMessages: async () => ({}) };
});

const { default: RequestsPage } = await import("@/app/admin/requests/page");
const { createStaff } = await import("../../factories/staff");
const { createPerson } = await import("../../factories/persons");
const { setupTestDatabase } = await import("../../support/test-database");

let t: Awaited<ReturnType<typeof setupTestDatabase>>;
beforeAll(async () => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  t = await setupTestDatabase();
});
afterAll(async () => {
  testSession.current = null;
  await t.drop();
});

function text(node: ReactNode, out: string[] = []): string[] {
  if (node === null || node === undefined || typeof node === "boolean") return out;
  if (typeof node === "string" || typeof node === "number") out.push(String(node));
  else if (Array.isArray(node)) for (const child of node) text(child, out);
  else if (isValidElement<{ children?: ReactNode }>(node)) text(node.props.children, out);
  return out;
}

describe("the officer queue", () => {
  it("shows a due date in Helsinki time, not UTC", async () => {
    const prisma = t.database.prisma;
    const officer = (await createStaff(prisma, "PRIVACY_OFFICER")).user;
    const person = await createPerson(prisma);
    const receivedAt = new Date(Date.now() - 2 * 86_400_000);
    // 23:30 UTC on 15 March 2099 is 01:30 on 16 March in Helsinki (UTC+2 in March).
    await prisma.dataRequest.create({ data: { personId: person.id, type: "ACCESS", channel: "PORTAL", status: "IN_PROGRESS", receivedAt, dueAt: new Date("2099-03-15T23:30:00Z") } });
    testSession.current = { id: officer.id, role: "PRIVACY_OFFICER", personId: null, email: officer.email };

    expect(await outcomeOf(() => RequestsPage({ searchParams: Promise.resolve({}) }))).toBe("allowed");
    const shown = text(await RequestsPage({ searchParams: Promise.resolve({}) })).join(" | ");
    expect(shown).toContain("16 Mar 2099");
    expect(shown).not.toContain("15 Mar 2099");
    expect(shown).not.toContain("Mar 16");
  });
});
