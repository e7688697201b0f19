import { createElement } from "react";
import NoticeEmail, { type NoticeEmailProps } from "../../emails/notice";
import { renderEmail } from "./render-email";
import type { EmailMessage } from "./send-email";

/** Renders the plain notice template into a message ready to queue (or, for a sign-in link, to send). */
export async function renderNotice(to: string, subject: string, props: NoticeEmailProps): Promise<EmailMessage> {
  const { html, text } = await renderEmail(createElement(NoticeEmail, props));
  return { to, subject, html, text };
}
