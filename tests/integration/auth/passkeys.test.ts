// Customer passkeys without a browser: a software authenticator answers the server's real
// options, and the server's real verification, challenge store, sessions and audit run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { createUserForEmail } from "@/lib/auth/create-user-for-email";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { beginPasskeyRegistration } from "@/lib/passkeys/begin-passkey-registration";
import { beginPasskeySignIn } from "@/lib/passkeys/begin-passkey-sign-in";
import { findPasskeys } from "@/lib/passkeys/find-passkeys";
import { finishPasskeyRegistration } from "@/lib/passkeys/finish-passkey-registration";
import { finishPasskeySignIn } from "@/lib/passkeys/finish-passkey-sign-in";
import { relyingParty } from "@/lib/passkeys/relying-party";
import { removePasskey } from "@/lib/passkeys/remove-passkey";
import { PASSKEY_CHALLENGE_TTL_MS } from "@/lib/passkeys/schemas";
import { uniqueEmail } from "../../factories/persons";
import { createStaff } from "../../factories/staff";
import { SoftAuthenticator } from "../../support/soft-authenticator";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
const prisma = () => t.database.prisma;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

const refusal = (error: unknown) => (error instanceof AppError ? error.options.userMessage : error);

async function customer() {
  const user = await createUserForEmail({ email: uniqueEmail("passkey"), emailVerified: new Date() }, [], prisma());
  const actor: Actor = { kind: "PERSON", id: user.id };
  return { user, actor };
}

/** A customer with one registered passkey, and the authenticator holding it. */
async function customerWithPasskey(name = "Phone") {
  const { user, actor } = await customer();
  const { rpID, origin } = relyingParty();
  const authenticator = new SoftAuthenticator(rpID, origin);
  const options = await beginPasskeyRegistration({ userId: user.id });
  const { id } = await finishPasskeyRegistration({ actor, userId: user.id, input: { name, response: authenticator.register(options) } });
  return { user, actor, authenticator, passkeyId: id };
}

async function signInWith(authenticator: SoftAuthenticator, ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) {
  const begun = await beginPasskeySignIn({ ip });
  if (begun.status !== "ok") throw new Error("rate limited");
  return { options: begun.options, answer: authenticator.assert(begun.options) };
}

describe("adding a passkey", () => {
  it("stores the credential under the person's name for it, lists it without key material, and audits it", async () => {
    const { user, passkeyId, authenticator } = await customerWithPasskey("  Work laptop ");

    const row = await prisma().passkey.findUniqueOrThrow({ where: { id: passkeyId } });
    expect(row).toMatchObject({ userId: user.id, credentialId: authenticator.id, name: "Work laptop", transports: ["internal"], lastUsedAt: null });
    expect(row.publicKey.length).toBeGreaterThan(64);
    expect(await findPasskeys(user.id)).toEqual([{ id: passkeyId, name: "Work laptop", createdAt: row.createdAt, lastUsedAt: null }]);
    expect(await prisma().auditEntry.findFirst({ where: { action: "passkey.added", target: `Passkey:${passkeyId}` } })).toMatchObject({ personId: user.personId, actorKind: "PERSON" });
    // Nothing left of the challenge: it was used.
    expect(await prisma().passkeyChallenge.count({ where: { userId: user.id } })).toBe(0);
  });

  it("offers the person's existing passkeys as excluded, and refuses a name that is empty or too long", async () => {
    const { user, actor, authenticator } = await customerWithPasskey();
    const options = await beginPasskeyRegistration({ userId: user.id });
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required" });

    const other = new SoftAuthenticator(relyingParty().rpID, relyingParty().origin);
    for (const name of ["   ", "x".repeat(61)]) {
      const error = await finishPasskeyRegistration({ actor, userId: user.id, input: { name, response: other.register(options) } }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error.options.fields).toEqual({ name: name.trim() ? "nameTooLong" : "nameRequired" });
    }
    expect(await prisma().passkey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("accepts a registration challenge once, only for the user it was issued to, and not after it expires", async () => {
    const a = await customer();
    const b = await customer();
    const { rpID, origin } = relyingParty();

    // Issued to b, answered as a: refused (and b's challenge stays b's).
    const forB = await beginPasskeyRegistration({ userId: b.user.id });
    const key = new SoftAuthenticator(rpID, origin);
    expect(refusal(await finishPasskeyRegistration({ actor: a.actor, userId: a.user.id, input: { name: "A", response: key.register(forB) } }).catch((e) => e))).toBe("passkeyFailed");

    // Used once: the same answer again is refused.
    const forA = await beginPasskeyRegistration({ userId: a.user.id });
    const answer = key.register(forA);
    await finishPasskeyRegistration({ actor: a.actor, userId: a.user.id, input: { name: "A", response: answer } });
    const second = new SoftAuthenticator(rpID, origin);
    const replay = { ...second.register(forA) };
    expect(refusal(await finishPasskeyRegistration({ actor: a.actor, userId: a.user.id, input: { name: "A2", response: replay } }).catch((e) => e))).toBe("passkeyFailed");

    // Expired: issued longer ago than the challenge lives.
    const old = await beginPasskeyRegistration({ userId: a.user.id, now: new Date(Date.now() - PASSKEY_CHALLENGE_TTL_MS - 1000) });
    expect(refusal(await finishPasskeyRegistration({ actor: a.actor, userId: a.user.id, input: { name: "A3", response: second.register(old) } }).catch((e) => e))).toBe("passkeyFailed");

    // Another origin signed the client data: refused.
    const forged = await beginPasskeyRegistration({ userId: a.user.id });
    expect(refusal(await finishPasskeyRegistration({ actor: a.actor, userId: a.user.id, input: { name: "A4", response: second.register(forged, "https://evil.example") } }).catch((e) => e))).toBe("passkeyFailed");

    expect((await findPasskeys(a.user.id)).map((p) => p.name)).toEqual(["A"]);
    expect(await prisma().passkey.count({ where: { userId: b.user.id } })).toBe(0);
  });

  it("is refused to staff accounts", async () => {
    for (const role of ["SUPPORT", "PRIVACY_OFFICER", "ADMIN"] as const) {
      const { user } = await createStaff(prisma(), role);
      const error = await beginPasskeyRegistration({ userId: user.id }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe("FORBIDDEN");
    }
  });
});

describe("signing in with a passkey", () => {
  it("starts a database session (a recent sign-in), moves the counter and last use on, and audits the sign-in", async () => {
    const { user, passkeyId, authenticator } = await customerWithPasskey();
    const before = Date.now();
    const { answer } = await signInWith(authenticator);

    const session = await finishPasskeySignIn({ input: answer, ipHash: "iphash", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0" });

    const row = await prisma().session.findUniqueOrThrow({ where: { sessionToken: session.sessionToken } });
    expect(row).toMatchObject({ userId: user.id, userAgent: expect.stringContaining("Chrome") });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.expires.getTime() - row.createdAt.getTime()).toBe(30 * 24 * 60 * 60 * 1000);
    const passkey = await prisma().passkey.findUniqueOrThrow({ where: { id: passkeyId } });
    expect(passkey.counter).toBe(BigInt(authenticator.counter));
    expect(passkey.lastUsedAt!.getTime()).toBe(row.createdAt.getTime());
    const audit = await prisma().auditEntry.findFirstOrThrow({ where: { action: "auth.signed_in", target: `User:${user.id}` } });
    expect(audit).toMatchObject({ personId: user.personId, actorKind: "PERSON", actorId: user.id, details: { method: "passkey", passkeyId } });
  });

  it("accepts a sign-in challenge once and not after it expires; refuses a replayed or rewound counter and another origin", async () => {
    const { user, authenticator } = await customerWithPasskey();
    const sessions = () => prisma().session.count({ where: { userId: user.id } });

    const { options, answer } = await signInWith(authenticator);
    await finishPasskeySignIn({ input: answer });
    expect(await sessions()).toBe(1);
    // The same answer again: its challenge is used up.
    expect(refusal(await finishPasskeySignIn({ input: answer }).catch((e) => e))).toBe("passkeyFailed");
    // A fresh answer to the used challenge: refused as well.
    expect(refusal(await finishPasskeySignIn({ input: authenticator.assert(options) }).catch((e) => e))).toBe("passkeyFailed");

    // Expired.
    const old = await beginPasskeySignIn({ ip: "10.8.0.1", now: new Date(Date.now() - PASSKEY_CHALLENGE_TTL_MS - 1000) });
    if (old.status !== "ok") throw new Error("rate limited");
    expect(refusal(await finishPasskeySignIn({ input: authenticator.assert(old.options) }).catch((e) => e))).toBe("passkeyFailed");

    // A counter that did not move on (a cloned authenticator), and another origin.
    const rewound = await signInWith(authenticator);
    expect(refusal(await finishPasskeySignIn({ input: authenticator.assert(rewound.options, { counter: 1 }) }).catch((e) => e))).toBe("passkeyFailed");
    const elsewhere = await beginPasskeySignIn({ ip: "10.8.0.2" });
    if (elsewhere.status !== "ok") throw new Error("rate limited");
    expect(refusal(await finishPasskeySignIn({ input: authenticator.assert(elsewhere.options, { origin: "https://evil.example" }) }).catch((e) => e))).toBe("passkeyFailed");

    // A registration challenge does not sign anyone in.
    const registration = await beginPasskeyRegistration({ userId: user.id });
    expect(refusal(await finishPasskeySignIn({ input: authenticator.assert(registration) }).catch((e) => e))).toBe("passkeyFailed");
    expect(await sessions()).toBe(1);
  });

  it("refuses an unknown credential and a customer who has since become staff", async () => {
    const { rpID, origin } = relyingParty();
    const stranger = new SoftAuthenticator(rpID, origin);
    expect(refusal(await finishPasskeySignIn({ input: (await signInWith(stranger)).answer }).catch((e) => e))).toBe("passkeyFailed");

    const { user, authenticator } = await customerWithPasskey();
    await prisma().user.update({ where: { id: user.id }, data: { role: "SUPPORT" } });
    expect(refusal(await finishPasskeySignIn({ input: (await signInWith(authenticator)).answer }).catch((e) => e))).toBe("passkeyFailed");
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("counts attempts per client address against the sign-in limit", async () => {
    const ip = "10.7.7.7";
    const limit = getConfig().SIGNIN_LIMIT_PER_IP;
    for (let i = 0; i < limit; i++) expect((await beginPasskeySignIn({ ip })).status).toBe("ok");
    const refused = await beginPasskeySignIn({ ip });
    expect(refused).toMatchObject({ status: "rate_limited" });
    // Another address is not held back.
    expect((await beginPasskeySignIn({ ip: "10.7.7.8" })).status).toBe("ok");
  });
});

describe("removing a passkey", () => {
  it("removes the person's own passkey (audited), after which it signs no one in; another person's is not found", async () => {
    const { user, actor, passkeyId, authenticator } = await customerWithPasskey();
    const other = await customerWithPasskey();

    const error = await removePasskey({ actor, userId: user.id, personId: user.personId, passkeyId: other.passkeyId }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("NOT_FOUND");
    expect(await prisma().passkey.count({ where: { id: other.passkeyId } })).toBe(1);

    await removePasskey({ actor, userId: user.id, personId: user.personId, passkeyId });
    expect(await findPasskeys(user.id)).toEqual([]);
    expect(await prisma().auditEntry.findFirst({ where: { action: "passkey.removed", target: `Passkey:${passkeyId}` } })).toMatchObject({ personId: user.personId });
    expect(refusal(await finishPasskeySignIn({ input: (await signInWith(authenticator)).answer }).catch((e) => e))).toBe("passkeyFailed");
  });
});
