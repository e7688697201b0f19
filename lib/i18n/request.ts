import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "../auth/guards";
import { getConfig } from "../config";
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

// The zone is the configured one, not the server's, so every page and the browser agree. next-intl
// formats with the plain UI locale ("en" is US English): pages format dates through
// lib/i18n/get-formatter.ts, which uses the Finnish-region locales of format-date.ts.
export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: messages[locale], timeZone: getConfig().TIME_ZONE };
});
