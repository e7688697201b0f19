"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { getSessionUser } from "@/lib/auth/guards";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/locales";
import { setPreferredLanguage } from "@/lib/persons/set-preferred-language";

/** Remembers the chosen language in a cookie and, when signed in, as the person's preference; an unknown locale is ignored. */
export const setLocaleAction = defineAction({
  caller: "public",
  args: z.tuple([z.string().pipe(z.enum(locales))]),
  handler: async ({ args: [locale] }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 });
    const user = await getSessionUser();
    if (user?.personId) await setPreferredLanguage({ actor: { kind: "PERSON", id: user.userId }, personId: user.personId, locale });
  },
  revalidate: [["/", "layout"]],
  answer: (): void => undefined,
});
