import { createElement } from "react";
import ConsentConfirmationEmail from "../../emails/consent-confirmation";
import { getConfig } from "../config";
import { sendEmail } from "../email/send-email";
import { renderEmail } from "../email/render-email";
import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";

/** The link page the confirmation email points to. */
export const confirmationUrl = (token: string) => `${getConfig().APP_URL}/consents/confirm?token=${encodeURIComponent(token)}`;

/** Emails the double opt-in link for one purpose, in the person's language. */
export async function sendConsentConfirmationEmail({ to, locale, purposeTitle, token }: { to: string; locale: Locale; purposeTitle: string; token: string }) {
  const t = translatorFor(locale, "consentEmail");
  const strings = {
    preview: t("preview", { purpose: purposeTitle }),
    heading: t("heading"),
    intro: t("intro", { purpose: purposeTitle }),
    button: t("button"),
    expiry: t("expiry"),
    ignore: t("ignore"),
  };
  const { html, text } = await renderEmail(createElement(ConsentConfirmationEmail, { url: confirmationUrl(token), lang: locale, strings }));
  await sendEmail({ to, subject: t("subject", { purpose: purposeTitle }), html, text });
}
