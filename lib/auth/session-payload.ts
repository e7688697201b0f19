import type { Role } from "../db/generated/enums";

/**
 * What auth() and GET /api/auth/session answer: the user and the expiry only. The database
 * session row also carries the token (the HttpOnly cookie's value), its id and the user agent;
 * none of that may reach a response body.
 */
export function sessionPayload({ session, user }: { session: { expires: Date | string }; user: unknown }) {
  const u = user as { id: string; role: Role; personId: string | null; email: string };
  const expires = session.expires instanceof Date ? session.expires.toISOString() : session.expires;
  return { user: { id: u.id, role: u.role, personId: u.personId, email: u.email }, expires };
}
