// defineAction, the one wrapper of every server action, run with the real guards: who may call,
// the parsing of the untrusted arguments before the handler, the error mapping and revalidation
// on success only.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { testSession } from "../../support/next-request";

const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/auth", async () => {
  const { testSession: session } = await import("../../support/next-request");
  return { auth: async () => (session.current ? { user: session.current, expires: new Date(Date.now() + 3600_000).toISOString() } : null) };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "192.0.2.1" }),
}));
vi.mock("next/cache", () => ({ revalidatePath, revalidateTag: () => {} }));

const { defineAction, isDefinedAction } = await import("@/lib/actions/define-action");
const { idArg, untrusted } = await import("@/lib/actions/action-args");
const { AppError } = await import("@/lib/errors");
const { log } = await import("@/lib/log");
const { createPerson } = await import("../../factories/persons");
const { setupTestDatabase } = await import("../../support/test-database");

let t: Awaited<ReturnType<typeof setupTestDatabase>>;
let customer: { id: string; role: "CUSTOMER"; personId: string; email: string };
const admin = { id: "admin-user", role: "ADMIN" as const, personId: null, email: "admin@example.test" };
const officer = { id: "officer-user", role: "PRIVACY_OFFICER" as const, personId: null, email: "officer@example.test" };

beforeAll(async () => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  t = await setupTestDatabase();
  const person = await createPerson(t.database.prisma);
  customer = { id: "customer-user", role: "CUSTOMER", personId: person.id, email: "customer@example.test" };
});
afterAll(async () => {
  testSession.current = null;
  await t?.drop();
});
beforeEach(() => {
  revalidatePath.mockClear();
  testSession.current = null;
});

/** The Next.js signal a call threw: "NEXT_REDIRECT;…" or "NEXT_HTTP_ERROR_FALLBACK;403", else rethrown. */
async function signalOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === "string") return digest;
    throw error;
  }
  return "answered";
}

function staffAction() {
  const handler = vi.fn();
  const action = defineAction({
    caller: "ADMIN",
    args: z.tuple([idArg()]),
    handler: async ({ actor, args: [id] }) => {
      handler();
      return { by: actor.id, kind: actor.kind, id };
    },
    revalidate: ([id]) => ["/admin/things", [`/admin/things/${id}`, "layout"]],
  });
  return { action, handler };
}

describe("who may call", () => {
  it("a staff action refuses a signed-out caller (to sign in) and a PERSON and lower staff (403), without running the handler", async () => {
    const { action, handler } = staffAction();
    expect(await signalOf(action("x"))).toMatch(/^NEXT_REDIRECT;.*\/signin/);
    testSession.current = customer;
    expect(await signalOf(action("x"))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;403/);
    testSession.current = officer;
    expect(await signalOf(action("x"))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;403/);
    expect(handler).not.toHaveBeenCalled();
    testSession.current = admin;
    expect(await action("thing-1")).toEqual({ ok: true, data: { by: "admin-user", kind: "STAFF", id: "thing-1" } });
  });

  it("a person action refuses a signed-out caller and staff without a person; the person gets the PERSON actor", async () => {
    const handler = vi.fn(async ({ user, actor }: { user: { personId: string }; actor: { kind: string } }) => ({ personId: user.personId, kind: actor.kind }));
    const action = defineAction({ caller: "person", args: z.tuple([]), handler });
    expect(await signalOf(action())).toMatch(/^NEXT_REDIRECT;.*\/signin/);
    testSession.current = admin;
    expect(await signalOf(action())).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;403/);
    expect(handler).not.toHaveBeenCalled();
    testSession.current = customer;
    expect(await action()).toEqual({ ok: true, data: { personId: customer.personId, kind: "PERSON" } });
  });

  it("a public action runs signed out, with no user or actor", async () => {
    const action = defineAction({ caller: "public", args: z.tuple([idArg(200)]), handler: async (context) => ({ keys: Object.keys(context) }) });
    expect(await action("token")).toEqual({ ok: true, data: { keys: ["args"] } });
  });
});

describe("the untrusted arguments", () => {
  it("a wrongly typed argument answers invalid with its fields and the handler never runs", async () => {
    testSession.current = admin;
    const handler = vi.fn(async () => "done");
    const action = defineAction({ caller: "ADMIN", args: z.tuple([z.object({ name: z.string({ error: "required" }), count: z.number() })]), handler, revalidate: ["/admin/things"] });
    expect(await (action as (...args: unknown[]) => Promise<unknown>)({ name: 7, count: 1 })).toEqual({ ok: false, message: "invalid", fields: { name: "required" } });
    expect(await (action as (...args: unknown[]) => Promise<unknown>)("not an object")).toEqual({ ok: false, message: "invalid", fields: { root: "invalid" } });
    expect(await (action as (...args: unknown[]) => Promise<unknown>)({ name: "a", count: 1 }, "extra")).toEqual({ ok: false, message: "invalid", fields: { root: "invalid" } });
    expect(handler).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(await action({ name: "a", count: 1 })).toEqual({ ok: true, data: "done" });
  });

  it("an id argument is a storable string cut to its length, or \"\" for anything else (never a failure)", async () => {
    const action = defineAction({ caller: "public", args: z.tuple([idArg(), untrusted<{ a: string }>()]), handler: async ({ args }) => args });
    const call = action as (...args: unknown[]) => Promise<unknown>;
    expect(await call("x".repeat(70), { a: 1 })).toEqual({ ok: true, data: ["x".repeat(64), { a: 1 }] });
    expect(await call("a\u0000b", null)).toEqual({ ok: true, data: ["", null] });
    expect(await call({ toString: 1 }, undefined)).toEqual({ ok: true, data: ["", undefined] });
  });
});

describe("errors and revalidation", () => {
  it("revalidates the argument's paths after a success only", async () => {
    testSession.current = admin;
    const { action } = staffAction();
    await action("thing-2");
    expect(revalidatePath.mock.calls).toEqual([["/admin/things"], ["/admin/things/thing-2", "layout"]]);
    revalidatePath.mockClear();
    const failing = defineAction({ caller: "ADMIN", args: z.tuple([]), handler: async () => { throw new AppError("CONFLICT", "taken", { userMessage: "taken" }); }, revalidate: ["/admin/things"] });
    expect(await failing()).toEqual({ ok: false, message: "taken" });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("maps an AppError's fields, logs and answers \"failed\" for anything else, and lets Next.js control flow through", async () => {
    const validation = defineAction({ caller: "public", args: z.tuple([]), handler: async () => { throw new AppError("VALIDATION", "bad", { fields: { email: "invalidEmail" } }); } });
    expect(await validation()).toEqual({ ok: false, message: "invalid", fields: { email: "invalidEmail" } });
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    const broken = defineAction({ caller: "public", args: z.tuple([]), handler: async () => { throw new Error("secret detail"); } });
    expect(await broken()).toEqual({ ok: false, message: "failed" });
    expect(logged).toHaveBeenCalledWith("action.failed", expect.anything());
    logged.mockRestore();
    const { redirect } = await import("next/navigation");
    const redirecting = defineAction({ caller: "public", args: z.tuple([]), handler: async () => redirect("/elsewhere") });
    expect(await signalOf(redirecting())).toMatch(/^NEXT_REDIRECT;.*\/elsewhere/);
  });

  it("an answer option shapes every outcome, an invalid call's too; the built function is marked", async () => {
    const action = defineAction({ caller: "public", args: z.tuple([z.string()]), handler: async ({ args: [s] }) => s.length, answer: (result) => (result.ok ? { length: result.data } : { error: result.message }) });
    expect(await action("abc")).toEqual({ length: 3 });
    expect(await (action as (...args: unknown[]) => Promise<unknown>)(1)).toEqual({ error: "invalid" });
    expect(isDefinedAction(action)).toBe(true);
    expect(isDefinedAction(async () => {})).toBe(false);
    expect(Object.keys(action)).toEqual([]);
  });
});
