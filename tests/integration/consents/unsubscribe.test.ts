import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { getUnsubscribeTarget } from "@/lib/consents/get-unsubscribe-target";
import { grantConsent } from "@/lib/consents/grant-consent";
import { mintUnsubscribeToken } from "@/lib/consents/mint-unsubscribe-token";
import { unsubscribeWithToken } from "@/lib/consents/unsubscribe-with-token";
import { AppError } from "@/lib/errors";
import { createPerson } from "../../factories/persons";
import { consentWriteCounts, createPublishedPurpose } from "../../factories/purposes";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let newsletter: string;
let sms: string;
beforeAll(async () => {
  t = await setupTestDatabase();
  newsletter = await createPublishedPurpose({ channel: "EMAIL" });
  sms = await createPublishedPurpose({ channel: "SMS" });
});
afterAll(async () => {
  await t.drop();
});

const actor: Actor = { kind: "PERSON", id: "user-u" };
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000);
const code = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function subscribedPerson() {
  const person = await createPerson(t.database.prisma);
  for (const purposeKey of [newsletter, sms]) await grantConsent({ actor, personId: person.id, input: { purposeKey } });
  return person;
}
const statuses = async (personId: string) => {
  const consents = await findPersonConsents({ personId, locale: "en" });
  return [newsletter, sms].map((key) => consents.find((c) => c.purposeKey === key)?.status);
};

describe("one-click unsubscribe", () => {
  it("withdraws exactly the token's purpose for the token's person (source UNSUBSCRIBE_LINK), once", async () => {
    const person = await subscribedPerson();
    const token = await mintUnsubscribeToken({ personId: person.id, purposeKey: newsletter, expiresAt: inAWeek() });
    expect(await getUnsubscribeTarget(token, "en")).toEqual({ valid: true, purposeKey: newsletter, title: `${newsletter} (en) v1`, withdrawn: false });

    expect(await unsubscribeWithToken(token, { purposeKey: newsletter, userAgent: "Mail client" })).toEqual({ purposeKey: newsletter, withdrawn: true });
    expect(await statuses(person.id)).toEqual(["WITHDRAWN", "GRANTED"]);
    const event = await t.database.prisma.consentEvent.findFirstOrThrow({ where: { personId: person.id, status: "WITHDRAWN" } });
    expect(event).toMatchObject({ source: "UNSUBSCRIBE_LINK", actorKind: "ANONYMOUS", userAgent: "Mail client" });
    expect(await getUnsubscribeTarget(token, "en")).toMatchObject({ valid: true, withdrawn: true });

    const before = await consentWriteCounts(t.database.prisma);
    expect(await unsubscribeWithToken(token)).toEqual({ purposeKey: newsletter, withdrawn: false });
    expect(await consentWriteCounts(t.database.prisma)).toEqual(before);
  });

  it("refuses tampered, forged, expired and other-purpose tokens and changes nothing", async () => {
    const person = await subscribedPerson();
    const now = new Date();
    const token = await mintUnsubscribeToken({ personId: person.id, purposeKey: newsletter, expiresAt: new Date(now.getTime() + 3600_000) }, now);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const claims = decodeJwt(token);
    const other = await createPerson(t.database.prisma);

    const forged = await new SignJWT({ pur: newsletter }).setProtectedHeader({ alg: "HS256" }).setSubject(person.id).setAudience("omadata:unsubscribe").setExpirationTime("1h").sign(new Uint8Array(32).fill(1));
    // Thunks: each attempt starts only when its turn comes.
    const attempts: [string, () => Promise<unknown>, string][] = [
      ["purpose swapped in the payload", () => unsubscribeWithToken(`${header}.${b64({ ...claims, pur: sms })}.${signature}`), "NOT_FOUND"],
      ["person swapped in the payload", () => unsubscribeWithToken(`${header}.${b64({ ...claims, sub: other.id })}.${signature}`), "NOT_FOUND"],
      ["expiry extended in the payload", () => unsubscribeWithToken(`${header}.${b64({ ...claims, exp: claims.exp! + 86_400 })}.${signature}`), "NOT_FOUND"],
      ["one character changed", () => unsubscribeWithToken(`${header}.${payload}.${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`), "NOT_FOUND"],
      ["signed with another key", () => unsubscribeWithToken(forged), "NOT_FOUND"],
      ["unsigned (alg none)", () => unsubscribeWithToken(`${b64({ alg: "none", typ: "JWT" })}.${payload}.`), "NOT_FOUND"],
      ["garbage", () => unsubscribeWithToken("not-a-token"), "NOT_FOUND"],
      ["expired", () => unsubscribeWithToken(token, { now: new Date(now.getTime() + 2 * 3600_000) }), "GONE"],
      ["used for another purpose", () => unsubscribeWithToken(token, { purposeKey: sms }), "FORBIDDEN"],
    ];
    const before = await consentWriteCounts(t.database.prisma);
    for (const [label, attempt, expected] of attempts) expect([label, await code(attempt())]).toEqual([label, expected]);
    expect(await consentWriteCounts(t.database.prisma)).toEqual(before);
    expect(await statuses(person.id)).toEqual(["GRANTED", "GRANTED"]);

    expect(await getUnsubscribeTarget(token, "fi", new Date(now.getTime() + 2 * 3600_000))).toEqual({ valid: false, reason: "expired" });
    expect(await getUnsubscribeTarget(`${header}.${b64({ ...claims, pur: sms })}.${signature}`, "fi")).toEqual({ valid: false, reason: "invalid" });
  });

  it("refuses to mint a token that is already expired or names no purpose", async () => {
    const person = await createPerson(t.database.prisma);
    expect(await code(mintUnsubscribeToken({ personId: person.id, purposeKey: newsletter, expiresAt: new Date(Date.now() - 1000) }))).toBe("VALIDATION");
    expect(await code(mintUnsubscribeToken({ personId: person.id, purposeKey: "", expiresAt: inAWeek() }))).toBe("VALIDATION");
  });
});
