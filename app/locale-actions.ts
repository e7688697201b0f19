"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/guards";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { setPreferredLanguage } from "@/lib/persons/set-preferred-language";

/** Remembers the chosen language in a cookie and, when signed in, as the person's preference. */
export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 });
  const user = await getSessionUser();
  if (user?.personId) await setPreferredLanguage({ actor: { kind: "PERSON", id: user.userId }, personId: user.personId, locale });
  revalidatePath("/", "layout");
}
