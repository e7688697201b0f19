import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "../auth/guards";
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "./locales";
import { messages } from "./messages";

/** The person's preference, else the chosen or browser language, else Finnish. */
async function resolveLocale(): Promise<Locale> {
  const user = await getSessionUser().catch(() => null);
  if (isLocale(user?.preferredLanguage)) return user.preferredLanguage;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: messages[locale] };
});
