import { createHash } from "node:crypto";
import { canonicalJson } from "../audit/canonical";

/**
 * SHA-256 of the text a person was shown when they gave or withdrew consent: with the purpose
 * key, version and language, so the same words under another purpose or version hash apart.
 * Part of the proof of consent (GDPR Art. 7(1)).
 */
export function hashShownText(shown: { purposeKey: string; version: number; locale: string; title: string; description: string }): string {
  return createHash("sha256").update(canonicalJson(shown)).digest("hex");
}
