import { workerActor } from "../audit/actor";
import { decryptSecret } from "../crypto/encryption";
import type { PrismaClient } from "../db/generated/client";
import { runChange } from "../changes/run-change";
import { describeError, log } from "../log";
import { appendRequestStep } from "./append-request-step";
import { notifyEmailContext } from "./erase-person";
import { sendRequestEmail } from "./send-request-email";

/**
 * Sends the final email of completed erasures to the address the person had, then forgets the
 * address (it was kept sealed only for this). The address is taken atomically (one worker sends
 * it), the email goes after that commit, and a failed send puts the address back to be tried on
 * the next pass. No email is sent inside a transaction: the local outbox writes to the database.
 */
export async function sendErasureFinalEmails(prisma: PrismaClient, now: Date, limit = 10): Promise<number> {
  const waiting = await prisma.dataRequest.findMany({
    where: { type: "ERASURE", status: "COMPLETED", sealedNotifyEmail: { not: null } },
    orderBy: { closedAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const actor = workerActor();
  let sent = 0;
  for (const { id } of waiting) {
    const taken = await runChange(
      actor,
      async (tx, at) => {
        const rows = await tx.$queryRaw<{ sealed: string; locale: string | null; personId: string }[]>`
          UPDATE "DataRequest" r SET "sealedNotifyEmail" = NULL, "notifyLocale" = NULL
          FROM (SELECT "id", "sealedNotifyEmail", "notifyLocale" FROM "DataRequest" WHERE "id" = ${id} AND "sealedNotifyEmail" IS NOT NULL FOR UPDATE SKIP LOCKED) old
          WHERE r."id" = old."id"
          RETURNING old."sealedNotifyEmail" AS sealed, old."notifyLocale" AS locale, r."personId" AS "personId"`;
        const row = rows[0];
        if (!row) return { result: null, audit: [] };
        await appendRequestStep(tx, { requestId: id, kind: "final_email_sent", actor, now: at });
        return { result: row, audit: { action: "request.final_email_sent", personId: row.personId, target: `DataRequest:${id}` } };
      },
      { now, prisma },
    );
    if (!taken) continue;
    const delivered = await sendRequestEmail({ to: decryptSecret(taken.sealed, notifyEmailContext(id)), language: taken.locale, kind: "erasureCompleted", requestType: "ERASURE" });
    if (delivered) {
      sent++;
      continue;
    }
    await runChange(
      actor,
      async (tx, at) => {
        await tx.dataRequest.update({ where: { id }, data: { sealedNotifyEmail: taken.sealed, notifyLocale: taken.locale } });
        await appendRequestStep(tx, { requestId: id, kind: "final_email_failed", actor, now: at, internal: true });
        return { result: undefined, audit: { action: "request.final_email_failed", personId: taken.personId, target: `DataRequest:${id}` } };
      },
      { now, prisma },
    ).catch((error) => log.error("erasure.final_email_not_restored", { dataRequestId: id, ...describeError(error) }));
  }
  return sent;
}
