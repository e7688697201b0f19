import { getConfig } from "../config";
import { sendNotice } from "../email/send-notice";
import { defaultLocale, isLocale, type Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";
import { log } from "../log";

/** The emails a person gets about their requests; each has subject, heading and body in requestEmail. */
export type RequestEmailKind =
  | "received"
  | "confirm"
  | "denied"
  | "extended"
  | "completed"
  | "exportReady"
  | "erasureScheduled"
  | "erasureCancelled"
  | "erased"
  | "erasureCompleted"
  | "restrictionLifted";

export interface RequestEmail {
  to: string;
  language: string | null | undefined;
  kind: RequestEmailKind;
  requestType: string;
  /** Sent to the person as given: a denial's or an extension's reason. */
  reason?: string | null;
  /** A date the message names (due date, erasure date, expiry). */
  date?: Date | null;
  /** A link for the button (confirmation, download page). */
  url?: string;
}

export const localeOf = (language: string | null | undefined): Locale => (isLocale(language) ? language : defaultLocale);

/**
 * Sends one request email in the person's language. Called after the change has committed; a
 * failed send is logged (ids only) and reported as false, never undoing the change.
 */
export async function sendRequestEmail(email: RequestEmail): Promise<boolean> {
  const locale = localeOf(email.language);
  const t = translatorFor(locale, "requestEmail");
  const type = t(`types.${email.requestType}` as "types.ACCESS");
  const date = email.date ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(email.date) : "";
  const values = { type, date };
  const k = email.kind;
  const paragraphs = [t(`${k}.body` as "received.body", values)];
  if (email.reason) paragraphs.push(t("reasonLabel"), email.reason);
  try {
    await sendNotice(email.to, t(`${k}.subject` as "received.subject", values), {
      lang: locale,
      preview: t(`${k}.subject` as "received.subject", values),
      heading: t(`${k}.heading` as "received.heading", values),
      paragraphs,
      button: email.url ? { label: t(`${k}.button` as "confirm.button"), url: email.url } : undefined,
      smallPrint: [t("smallPrint", { controller: getConfig().CONTROLLER_NAME, contact: getConfig().CONTROLLER_EMAIL })],
    });
    return true;
  } catch (error) {
    log.warn("request.email_failed", { kind: k, error: error instanceof Error ? error.name : "unknown" });
    return false;
  }
}
