import { getConfig } from "../config";
import { renderNotice } from "../email/render-notice";
import type { EmailMessage } from "../email/send-email";
import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";

/** The link page the confirmation email points to. */
export const confirmationUrl = (token: string) => `${getConfig().APP_URL}/consents/confirm?token=${encodeURIComponent(token)}`;

/** The double opt-in link for one purpose, in the person's language, ready to queue. */
export async function renderConsentConfirmationEmail({ to, locale, purposeTitle, token }: { to: string; locale: Locale; purposeTitle: string; token: string }): Promise<EmailMessage> {
  const t = translatorFor(locale, "consentEmail");
  return renderNotice(to, t("subject", { purpose: purposeTitle }), {
    lang: locale,
    preview: t("preview", { purpose: purposeTitle }),
    heading: t("heading"),
    paragraphs: [t("intro", { purpose: purposeTitle })],
    button: { label: t("button"), url: confirmationUrl(token) },
    smallPrint: [t("expiry"), t("ignore")],
  });
}
