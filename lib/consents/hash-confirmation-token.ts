import { createHash } from "node:crypto";

/** A double opt-in link works for 48 hours. */
export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000;

/** Only this hash of a confirmation token is stored; the token itself lives in the email alone. */
export const hashConfirmationToken = (token: string) => createHash("sha256").update(token).digest("hex");
