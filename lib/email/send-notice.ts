import { createElement } from "react";
import NoticeEmail, { type NoticeEmailProps } from "../../emails/notice";
import { renderEmail } from "./render-email";
import { sendEmail } from "./send-email";

/** Renders the plain notice template and sends it. */
export async function sendNotice(to: string, subject: string, props: NoticeEmailProps): Promise<void> {
  const { html, text } = await renderEmail(createElement(NoticeEmail, props));
  await sendEmail({ to, subject, html, text });
}
