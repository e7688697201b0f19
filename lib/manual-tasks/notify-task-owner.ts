import { createElement } from "react";
import NoticeEmail from "../../emails/notice";
import { getConfig } from "../config";
import type { Tx } from "../db/types";
import { enqueueEmail } from "../email/enqueue-email";
import { renderEmail } from "../email/render-email";
import { defaultLocale, isLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";
import type { ManualTaskKind } from "../db/generated/enums";

export interface TaskNotice {
  taskId: string;
  kind: ManualTaskKind;
  system: { name: string; ownerEmail: string | null; manualInstructions: string | null };
  externalIds: string[];
  /** Only for an erasure: the address the owner's system may know the person by. */
  email?: string | null;
}

/**
 * Queues the owner's email in the caller's transaction: what to do, in the owner's language when
 * the owner is staff here, with a link to the task page. An erasure's email carries the
 * identifiers the owner needs (address and ids) and is their only copy once the person is erased;
 * it is queued without a person, so the erasure does not delete it with the person's mail.
 */
export async function notifyTaskOwner(tx: Tx, notice: TaskNotice, now: Date) {
  const to = notice.system.ownerEmail;
  if (!to) return;
  const t = await ownerTranslator(tx, to);
  const locale = t.locale;
  const url = `${getConfig().APP_URL}/admin/tasks/${notice.taskId}`;
  const subject = t(`email.subject.${notice.kind}`, { system: notice.system.name });
  const paragraphs = [
    t(`email.body.${notice.kind}`, { system: notice.system.name }),
    ...(notice.system.manualInstructions ? [t("email.instructions", { instructions: notice.system.manualInstructions })] : []),
    ...(notice.email ? [t("email.address", { email: notice.email })] : []),
    t("email.ids", { system: notice.system.name, ids: notice.externalIds.join(", ") }),
    t("email.markDone"),
  ];
  const { html, text } = await renderEmail(
    createElement(NoticeEmail, {
      lang: locale,
      preview: subject,
      heading: subject,
      paragraphs,
      button: { label: t("email.button"), url },
      smallPrint: notice.kind === "ERASURE" ? [t("email.onlyCopy")] : [],
    }),
  );
  await enqueueEmail(tx, { to, subject, html, text, personId: null }, now);
}

/**
 * Queues the owner's email that an open task is no longer needed (its request closed first), in
 * the caller's transaction. Carries no identifiers: the task page no longer shows them either.
 */
export async function notifyTaskCancelled(tx: Tx, notice: Pick<TaskNotice, "taskId" | "kind" | "system">, now: Date) {
  const to = notice.system.ownerEmail;
  if (!to) return;
  const t = await ownerTranslator(tx, to);
  const task = t(`email.subject.${notice.kind}`, { system: notice.system.name });
  const subject = t("email.cancelled.subject", { task });
  const url = `${getConfig().APP_URL}/admin/tasks/${notice.taskId}`;
  const { html, text } = await renderEmail(
    createElement(NoticeEmail, { lang: t.locale, preview: subject, heading: subject, paragraphs: [t("email.cancelled.body", { system: notice.system.name })], button: { label: t("email.button"), url }, smallPrint: [] }),
  );
  await enqueueEmail(tx, { to, subject, html, text, personId: null }, now);
}

/** The owner's language when the owner is staff here, else the default. */
async function ownerTranslator(tx: Tx, email: string) {
  const staff = await tx.user.findUnique({ where: { email }, select: { person: { select: { preferredLanguage: true } } } });
  const language = staff?.person?.preferredLanguage;
  const locale = isLocale(language) ? language : defaultLocale;
  return Object.assign(translatorFor(locale, "manualTasks"), { locale });
}
