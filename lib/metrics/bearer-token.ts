import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether an Authorization header carries `Bearer <expected>`. Compared as SHA-256 digests with
 * timingSafeEqual, so neither the token's content nor its length shows in the time taken.
 */
export function hasBearerToken(authorization: string | string[] | undefined, expected: string): boolean {
  if (typeof authorization !== "string") return false;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  const given = match?.[1] ?? "";
  // Digest both even when the header is malformed, to take the same time either way.
  const same = timingSafeEqual(digest(given), digest(expected));
  return match !== null && same;
}
