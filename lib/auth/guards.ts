import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { auth } from "./auth";
import { hasRole } from "./roles";

export interface SessionUser {
  userId: string;
  email: string;
  role: Role;
  personId: string | null;
  displayName: string | null;
  preferredLanguage: string | null;
}

/** The signed-in user of this request, or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const person = session.user.personId
    ? await (await db()).person.findUnique({
        where: { id: session.user.personId },
        select: { givenName: true, familyName: true, preferredLanguage: true },
      })
    : null;
  const displayName = [person?.givenName, person?.familyName].filter(Boolean).join(" ") || null;
  return {
    userId: session.user.id,
    email: session.user.email,
    role: session.user.role,
    personId: session.user.personId,
    displayName,
    preferredLanguage: person?.preferredLanguage ?? null,
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
