import { randomBytes } from "node:crypto";
import type { Tx } from "../db/types";

/** How long a database session lasts (Auth.js `session.maxAge`, in seconds). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * A database session as Auth.js makes one after an emailed link: the same row and token, so
 * guards, the session list and sign-out treat it alike. For sign-ins Auth.js does not run
 * itself (passkeys); the caller sets the session cookie.
 */
export async function createSession(tx: Tx, { userId, userAgent, now }: { userId: string; userAgent: string | null; now: Date }) {
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await tx.session.create({ data: { sessionToken, userId, expires, userAgent: userAgent?.slice(0, 400) ?? null, lastSeenAt: now, createdAt: now } });
  return { sessionToken, expires };
}
