import { getConfig } from "../config";
import { renderNotice } from "../email/render-notice";
import type { EmailMessage } from "../email/send-email";
import { defaultLocale, isLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";

/**
 * The confirmation link to the new address and the notice to the current one, in the person's
 * language, ready to queue. Without a token the new address belongs to someone else: its owner
 * gets a short notice in their own language instead of a link, and the requester sees no
 * difference. `toOwner` tells which message went to that owner (it is about them, not the requester).
 */
export async function renderEmailChangeEmails({ token, newEmail, oldEmail, language, takenByLanguage = null }: { token: string | null; newEmail: string; oldEmail: string | null; language: string | null; takenByLanguage?: string | null }): Promise<(EmailMessage & { toOwner: boolean })[]> {
  const locale = isLocale(language) ? language : defaultLocale;
  const t = translatorFor(locale, "emailChangeEmail");
  const messages: (EmailMessage & { toOwner: boolean })[] = [];
  if (token) {
    const url = `${getConfig().APP_URL}/confirm-email?token=${encodeURIComponent(token)}`;
    const link = await renderNotice(newEmail, t("confirmSubject"), {
      lang: locale,
      preview: t("confirmSubject"),
      heading: t("confirmHeading"),
      paragraphs: [t("confirmIntro")],
      button: { label: t("confirmButton"), url },
      smallPrint: [t("confirmExpiry")],
    });
    messages.push({ ...link, toOwner: false });
  } else {
    const ownerLocale = isLocale(takenByLanguage) ? takenByLanguage : locale;
    const owner = translatorFor(ownerLocale, "emailChangeEmail");
    const notice = await renderNotice(newEmail, owner("inUseSubject"), {
      lang: ownerLocale,
      preview: owner("inUseSubject"),
      heading: owner("inUseHeading"),
      paragraphs: [owner("inUseBody")],
      smallPrint: [owner("inUseHelp")],
    });
    messages.push({ ...notice, toOwner: true });
  }
  if (oldEmail) {
    const notice = await renderNotice(oldEmail, t("noticeSubject"), {
      lang: locale,
      preview: t("noticeSubject"),
      heading: t("noticeHeading"),
      paragraphs: [t("noticeBody")],
      smallPrint: [t("noticeHelp")],
    });
    messages.push({ ...notice, toOwner: false });
  }
  return messages;
}
