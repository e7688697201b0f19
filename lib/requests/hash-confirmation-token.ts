import { createHash } from "node:crypto";

/** Requests entered on someone's behalf wait this long for the person's confirmation. */
export const REQUEST_CONFIRMATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Only the SHA-256 of an emailed confirmation token is stored. */
export const hashRequestToken = (token: string) => createHash("sha256").update(token).digest("hex");
