import { getConfig } from "../config";
import { queuedEmail } from "../email/enqueue-email";
import { renderNotice } from "../email/render-notice";
import type { EmailMessage } from "../email/send-email";
import { formatDateTime } from "../i18n/format-date";
import { defaultLocale, isLocale, type Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";
import type { JobInput } from "../queue/enqueue-job";

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

/** Renders one request email in the person's language, ready to queue. */
export async function renderRequestEmail(email: RequestEmail): Promise<EmailMessage> {
  const locale = localeOf(email.language);
  const t = translatorFor(locale, "requestEmail");
  const type = t(`types.${email.requestType}` as "types.ACCESS");
  const date = email.date ? formatDateTime(email.date, locale, getConfig().TIME_ZONE, { dateStyle: "long" }) : "";
  const values = { type, date };
  const k = email.kind;
  const paragraphs = [t(`${k}.body` as "received.body", values)];
  if (email.reason) paragraphs.push(t("reasonLabel"), email.reason);
  return renderNotice(email.to, t(`${k}.subject` as "received.subject", values), {
    lang: locale,
    preview: t(`${k}.subject` as "received.subject", values),
    heading: t(`${k}.heading` as "received.heading", values),
    paragraphs,
    button: email.url ? { label: t(`${k}.button` as "confirm.button"), url: email.url } : undefined,
    smallPrint: [t("smallPrint", { controller: getConfig().CONTROLLER_NAME, contact: getConfig().CONTROLLER_EMAIL })],
  });
}

/**
 * The queued jobs of one request email, for the change to return in its `jobs`: none when there
 * is no address to write to. `personId` is the person it is about while they exist (their
 * erasure deletes it unsent), null for the emails that follow an erasure.
 */
export async function requestEmailJobs(email: (Omit<RequestEmail, "to"> & { to: string | null | undefined }) | null, personId: string | null): Promise<JobInput[]> {
  if (!email?.to) return [];
  return [queuedEmail({ ...(await renderRequestEmail({ ...email, to: email.to })), personId })];
}
