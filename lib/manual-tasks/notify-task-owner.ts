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
  const staff = await tx.user.findUnique({ where: { email: to }, select: { person: { select: { preferredLanguage: true } } } });
  const language = staff?.person?.preferredLanguage;
  const locale = isLocale(language) ? language : defaultLocale;
  const t = translatorFor(locale, "manualTasks");
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
