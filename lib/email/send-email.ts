// Sends over SMTP_URL; without it, keeps the message in the local outbox (/dev/outbox).
import nodemailer, { type Transporter } from "nodemailer";
import { getConfig } from "../config";
import { db } from "../db/client";
import { log } from "../log";

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
}

const holder = globalThis as unknown as { __omadataSmtp?: { url: string; transport: Transporter } };

function smtpTransport(url: string): Transporter {
  if (holder.__omadataSmtp?.url !== url) holder.__omadataSmtp = { url, transport: nodemailer.createTransport(url) };
  return holder.__omadataSmtp.transport;
}

export async function sendEmail(message: EmailMessage): Promise<void> {
  const config = getConfig();
  if (config.SMTP_URL) {
    const info = await smtpTransport(config.SMTP_URL).sendMail({ from: config.EMAIL_FROM, ...message });
    log.info("email.sent", { messageId: info.messageId });
    return;
  }
  const stored = await (await db()).localEmail.create({ data: message, select: { id: true } });
  log.info("email.kept_locally", { localEmailId: stored.id });
}
