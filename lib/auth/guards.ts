import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { hashIp, type Actor } from "../audit/actor";
import { getConfig } from "../config";
import { db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { touchSession } from "../sessions/touch-session";
import { auth } from "./auth";
import { clientIpFrom } from "./client-ip";
import { hasRole } from "./roles";

export interface SessionUser {
  userId: string;
  email: string;
  role: Role;
  personId: string | null;
  displayName: string | null;
  preferredLanguage: string | null;
  sessionId: string | null;
  /** When this session began: the time of the sign-in. */
  signedInAt: Date | null;
}

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/** The signed-in user of this request, or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  const row = token ? await touchSession(token, (await headers()).get("user-agent")) : null;
  const person = session.user.personId
    ? await (await db()).person.findUnique({
        where: { id: session.user.personId },
        select: { givenName: true, familyName: true, preferredLanguage: true },
      })
    : null;
  return {
    userId: session.user.id,
    email: session.user.email,
    role: session.user.role,
    personId: session.user.personId,
    displayName: [person?.givenName, person?.familyName].filter(Boolean).join(" ") || null,
    preferredLanguage: person?.preferredLanguage ?? null,
    sessionId: row?.id ?? null,
    signedInAt: row?.createdAt ?? null,
  };
});

/** A signed-in person, or a redirect to sign-in. Every portal page, action and route calls it. */
export async function requirePerson(): Promise<SessionUser & { personId: string }> {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  if (!user.personId) forbidden();
  return user as SessionUser & { personId: string };
}

/** A signed-in staff member of at least `minimum` role; others are refused with 403. */
export async function requireStaff(minimum: Role = "SUPPORT"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  if (!hasRole(user.role, "SUPPORT") || !hasRole(user.role, minimum)) forbidden();
  return user;
}

export const RECENT_SIGN_IN_MS = 15 * 60 * 1000;

/** Sensitive actions need a sign-in within the last 15 minutes. */
export const signedInRecently = (user: SessionUser, now = Date.now()) =>
  user.signedInAt !== null && now - user.signedInAt.getTime() <= RECENT_SIGN_IN_MS;

/**
 * The audit actor for this request's user, with the client address hashed: PERSON in the
 * portal (also when a staff member manages their own data), STAFF in the back-office.
 */
export async function actorFor(user: SessionUser, kind: "PERSON" | "STAFF"): Promise<Actor> {
  return { kind, id: user.userId, role: user.role, ipHash: hashIp(clientIpFrom(await headers()), getConfig().AUTH_SECRET!) };
}
