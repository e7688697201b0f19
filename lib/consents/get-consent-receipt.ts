import { CompactSign } from "jose";
import { getConfig } from "../config";
import { db } from "../db/client";
import { AppError } from "../errors";
import { isLocale, defaultLocale } from "../i18n/locales";
import { parsePathId } from "../parse-search-params";
import { buildConsentReceipt, type ConsentReceipt } from "./build-consent-receipt";
import { loadReceiptSigningKey, RECEIPT_ALGORITHM } from "./load-receipt-signing-key";
import { localizePurposeText } from "./localize-purpose-text";

/**
 * The consent receipt of one of the person's own consent events, and the same receipt signed
 * as a compact JWS (ES256, `kid` in the header) that anyone can check against
 * getReceiptSigningJwks(). Another person's event is NOT_FOUND, as is an unknown one.
 */
export async function getConsentReceipt(personId: string, eventId: string): Promise<{ receipt: ConsentReceipt; jws: string }> {
  // An id no row can have (NUL, overlong, from the URL) is unknown: PostgreSQL would refuse the query.
  if (parsePathId(eventId) === null) throw new AppError("NOT_FOUND", "consent event not found", { userMessage: "receiptNotFound" });
  const event = await (await db()).consentEvent.findFirst({
    where: { id: eventId, personId },
    select: {
      id: true, personId: true, status: true, source: true, connectedSystemId: true, occurredAt: true, locale: true, textHash: true,
      purpose: { select: { key: true, channel: true, legalBasis: true, isSaleOrSharing: true, piiCategories: true } },
      purposeVersion: { select: { version: true, texts: true } },
    },
  });
  if (!event) throw new AppError("NOT_FOUND", "consent receipt not found", { userMessage: "receiptNotFound" });
  const config = getConfig();
  const locale = isLocale(event.locale) ? event.locale : defaultLocale;
  const receipt = buildConsentReceipt(
    { ...event, locale, version: event.purposeVersion.version, text: localizePurposeText(event.purposeVersion.texts, locale) },
    {
      name: config.CONTROLLER_NAME,
      address: config.CONTROLLER_ADDRESS,
      email: config.CONTROLLER_EMAIL,
      phone: config.CONTROLLER_PHONE,
      url: config.APP_URL,
      jurisdiction: config.CONTROLLER_JURISDICTION,
      policyUrl: config.PRIVACY_POLICY_URL,
    },
  );
  const key = await loadReceiptSigningKey();
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(receipt)))
    .setProtectedHeader({ alg: RECEIPT_ALGORITHM, kid: key.kid, typ: "JWT" })
    .sign(key.privateKey);
  return { receipt, jws };
}
