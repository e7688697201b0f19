import { getConfig } from "../config";
import { sendNotice } from "../email/send-notice";
import { defaultLocale, isLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";

/**
 * The confirmation link to the new address and the notice to the current one, in the person's
 * language. Without a token the new address belongs to someone else: its owner gets a short
 * notice in their own language instead of a link, and the requester sees no difference.
 */
export async function sendEmailChangeEmails({ token, newEmail, oldEmail, language, takenByLanguage = null }: { token: string | null; newEmail: string; oldEmail: string | null; language: string | null; takenByLanguage?: string | null }) {
  const locale = isLocale(language) ? language : defaultLocale;
  const t = translatorFor(locale, "emailChangeEmail");
  if (token) {
    const url = `${getConfig().APP_URL}/confirm-email?token=${encodeURIComponent(token)}`;
    await sendNotice(newEmail, t("confirmSubject"), {
      lang: locale,
      preview: t("confirmSubject"),
      heading: t("confirmHeading"),
      paragraphs: [t("confirmIntro")],
      button: { label: t("confirmButton"), url },
      smallPrint: [t("confirmExpiry")],
    });
  } else {
    const ownerLocale = isLocale(takenByLanguage) ? takenByLanguage : locale;
    const owner = translatorFor(ownerLocale, "emailChangeEmail");
    await sendNotice(newEmail, owner("inUseSubject"), {
      lang: ownerLocale,
      preview: owner("inUseSubject"),
      heading: owner("inUseHeading"),
      paragraphs: [owner("inUseBody")],
      smallPrint: [owner("inUseHelp")],
    });
  }
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
