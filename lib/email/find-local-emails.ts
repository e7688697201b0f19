import { db } from "../db/client";

/** The newest messages of the local outbox (used only while SMTP_URL is unset). */
export async function findLocalEmails(take = 50) {
  return (await db()).localEmail.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, html: true, createdAt: true },
  });
}
