import { db } from "../db/client";
import { renderNotice } from "../email/render-notice";
import { sendEmail } from "../email/send-email";
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";

/** The person's language if known, else the browser's (cookie, Accept-Language), else Finnish. */
async function localeForSignIn(email: string, request: Request): Promise<Locale> {
  const person = await (await db()).person.findUnique({ where: { email }, select: { preferredLanguage: true } });
  if (isLocale(person?.preferredLanguage)) return person.preferredLanguage;
  const cookie = request.headers.get("cookie")?.match(new RegExp(`(?:^|; )${LOCALE_COOKIE}=([a-z]{2})`))?.[1];
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(request.headers.get("accept-language")) ?? defaultLocale;
}

/**
 * The one email sent at once rather than queued: the person is waiting on the page for a link
 * that expires in minutes, so a late retry is worthless, and a failure is shown to them as an
 * error they can act on (ask again).
 */
export async function sendSignInLinkEmail({ identifier, url, request }: { identifier: string; url: string; request: Request }) {
  const locale = await localeForSignIn(identifier, request);
  const t = translatorFor(locale, "signInEmail");
  const message = await renderNotice(identifier, t("subject"), {
    lang: locale,
    preview: t("preview"),
    heading: t("heading"),
    paragraphs: [t("intro")],
    button: { label: t("button"), url },
    smallPrint: [t("expiry"), t("ignore")],
  });
  await sendEmail(message);
}
