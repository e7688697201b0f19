import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { getConsentReceipt } from "@/lib/consents/get-consent-receipt";
import { getReceiptSigningJwks } from "@/lib/consents/get-receipt-signing-jwks";
import { grantConsent } from "@/lib/consents/grant-consent";
import { sealContext } from "@/lib/consents/load-receipt-signing-key";
import { verifyConsentReceiptJws } from "@/lib/consents/verify-consent-receipt-jws";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { decryptSecret } from "@/lib/crypto/encryption";
import { AppError } from "@/lib/errors";
import { createPerson } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const actor: Actor = { kind: "PERSON", id: "user-r" };
/** Changes one character in the middle of a JWS part (not the last, whose low bits may be padding). */
const alter = (jws: string, part: 0 | 1 | 2) => {
  const parts = jws.split(".");
  const text = parts[part]!;
  const i = Math.floor(text.length / 2);
  parts[part] = `${text.slice(0, i)}${text[i] === "A" ? "B" : "A"}${text.slice(i + 1)}`;
  return parts.join(".");
};

describe("consent receipts", () => {
  it("carries the Kantara v1.1 fields and verifies with jose against the JWKS, and not with one changed character", async () => {
    const purposeKey = await createPublishedPurpose({ channel: "NONE", isSaleOrSharing: true, piiCategories: ["email", "purchase history"] });
    const person = await createPerson(t.database.prisma);
    const granted = await grantConsent({ actor, personId: person.id, input: { purposeKey, locale: "sv" }, now: new Date("2026-11-20T10:00:00.000Z") });
    const { receipt, jws } = await getConsentReceipt(person.id, granted.consentEventId!);

    expect(receipt).toMatchObject({
      version: "KI-CR-v1.1.0",
      jurisdiction: "FI",
      consentTimestamp: Date.parse("2026-11-20T10:00:00.000Z") / 1000,
      collectionMethod: "Self-service privacy portal",
      consentReceiptID: granted.consentEventId,
      language: "sv",
      piiPrincipalId: person.id,
      policyUrl: expect.stringMatching(/^https?:\/\/.+\/privacy$/),
      sensitive: false,
      spiCat: [],
    });
    expect(receipt.piiControllers[0]).toEqual(expect.objectContaining({ piiController: expect.any(String), contact: expect.any(String), address: expect.any(String), email: expect.any(String), phone: expect.any(String) }));
    expect(receipt.services).toEqual([
      {
        service: `${purposeKey} (sv) v1`,
        purposes: [expect.objectContaining({ purpose: `Beskrivning ${purposeKey} 1`, consentType: "EXPLICIT", piiCategory: ["email", "purchase history"], thirdPartyDisclosure: true, purposeCategory: ["Sharing with third parties"] })],
      },
    ]);
    expect(receipt.omadata).toMatchObject({ purposeKey, purposeVersion: 1, status: "GRANTED", source: "PORTAL" });
    expect(JSON.stringify(receipt)).not.toContain(person.email!);

    const jwks = await getReceiptSigningJwks();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", kid: expect.any(String) });
    expect(jwks.keys[0]).not.toHaveProperty("d");
    expect(decodeProtectedHeader(jws)).toMatchObject({ alg: "ES256", kid: jwks.keys[0]!.kid });

    const verified = await compactVerify(jws, createLocalJWKSet(jwks));
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(receipt);
    expect(await verifyConsentReceiptJws(jws)).toEqual({ valid: true, receipt });

    for (const part of [0, 1, 2] as const) {
      const altered = alter(jws, part);
      expect(altered).not.toBe(jws);
      await expect(compactVerify(altered, createLocalJWKSet(jwks))).rejects.toThrow();
      expect(await verifyConsentReceiptJws(altered)).toEqual({ valid: false });
    }
    expect(await verifyConsentReceiptJws("not a jws")).toEqual({ valid: false });
  });

  it("gives a withdrawal its own receipt, and only to the person whose event it is", async () => {
    const purposeKey = await createPublishedPurpose();
    const person = await createPerson(t.database.prisma);
    const stranger = await createPerson(t.database.prisma);
    await grantConsent({ actor, personId: person.id, input: { purposeKey } });
    await withdrawConsent({ actor, personId: person.id, input: { purposeKey } });
    const withdrawal = await t.database.prisma.consentEvent.findFirstOrThrow({ where: { personId: person.id, status: "WITHDRAWN" } });
    const { receipt } = await getConsentReceipt(person.id, withdrawal.id);
    expect(receipt.omadata.status).toBe("WITHDRAWN");
    expect(receipt.language).toBe("fi");

    const error = await getConsentReceipt(stranger.id, withdrawal.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });

  it("makes the signing key once and keeps its private half sealed with ENCRYPTION_KEY", async () => {
    await getReceiptSigningJwks();
    await getReceiptSigningJwks();
    const keys = await t.database.prisma.signingKey.findMany();
    expect(keys).toHaveLength(1);
    const key = keys[0]!;
    const privateJwk = JSON.parse(decryptSecret(key.encryptedPrivateJwk, sealContext(key.kid))) as { d: string };
    expect(privateJwk.d).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(key.encryptedPrivateJwk).not.toContain(privateJwk.d);
    expect(JSON.stringify(key.publicJwk)).not.toContain(privateJwk.d);
    expect(await t.database.prisma.auditEntry.count({ where: { action: "signing_key.created" } })).toBe(1);
  });
});
