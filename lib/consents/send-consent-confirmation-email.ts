import { getConfig } from "../config";
import { sendNotice } from "../email/send-notice";
import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";

/** The link page the confirmation email points to. */
export const confirmationUrl = (token: string) => `${getConfig().APP_URL}/consents/confirm?token=${encodeURIComponent(token)}`;

/** Emails the double opt-in link for one purpose, in the person's language. */
export async function sendConsentConfirmationEmail({ to, locale, purposeTitle, token }: { to: string; locale: Locale; purposeTitle: string; token: string }) {
  const t = translatorFor(locale, "consentEmail");
  await sendNotice(to, t("subject", { purpose: purposeTitle }), {
    lang: locale,
    preview: t("preview", { purpose: purposeTitle }),
    heading: t("heading"),
    paragraphs: [t("intro", { purpose: purposeTitle })],
    button: { label: t("button"), url: confirmationUrl(token) },
    smallPrint: [t("expiry"), t("ignore")],
  });
}
