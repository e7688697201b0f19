import { getConfig } from "../config";
import { sendNotice } from "../email/send-notice";
import { defaultLocale, isLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";

/** The confirmation link to the new address and the notice to the current one, in the person's language. */
export async function sendEmailChangeEmails({ token, newEmail, oldEmail, language }: { token: string; newEmail: string; oldEmail: string | null; language: string | null }) {
  const locale = isLocale(language) ? language : defaultLocale;
  const t = translatorFor(locale, "emailChangeEmail");
  const url = `${getConfig().APP_URL}/confirm-email?token=${encodeURIComponent(token)}`;
  await sendNotice(newEmail, t("confirmSubject"), {
    lang: locale,
    preview: t("confirmSubject"),
    heading: t("confirmHeading"),
    paragraphs: [t("confirmIntro")],
    button: { label: t("confirmButton"), url },
    smallPrint: [t("confirmExpiry")],
  });
  if (oldEmail) {
    await sendNotice(oldEmail, t("noticeSubject"), {
      lang: locale,
      preview: t("noticeSubject"),
      heading: t("noticeHeading"),
      paragraphs: [t("noticeBody")],
      smallPrint: [t("noticeHelp")],
    });
  }
}
