import { getConfig } from "../config";
import type { PrismaClient } from "../db/generated/client";
import type { Tx } from "../db/types";
import { queuedEmail } from "../email/enqueue-email";
import { renderNotice } from "../email/render-notice";
import { formatDateTime } from "../i18n/format-date";
import { defaultLocale, isLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";
import { enqueueJobs, type JobInput } from "../queue/enqueue-job";
import { dueBefore, effectiveDueAt } from "./due-date";

export const DIGEST_JOB = "officer-digest";
/** The digest goes on the first worker pass after this hour (UTC) each day. */
export const DIGEST_HOUR_UTC = 5;
export const DIGEST_DUE_DAYS = 3;

/** Claims today's run for one worker: an atomic upsert that only moves the day forward. */
async function claimToday(tx: Tx, now: Date): Promise<boolean> {
  const day = now.toISOString().slice(0, 10);
  const claimed = await tx.$executeRaw`
    INSERT INTO "DailyJobRun" ("job", "lastDay", "ranAt") VALUES (${DIGEST_JOB}, ${day}, ${now.toISOString()}::timestamp)
    ON CONFLICT ("job") DO UPDATE SET "lastDay" = EXCLUDED."lastDay", "ranAt" = EXCLUDED."ranAt"
    WHERE "DailyJobRun"."lastDay" < EXCLUDED."lastDay"`;
  return claimed > 0;
}

/**
 * The officers' daily email: every open request due within three days (overdue ones included),
 * to each privacy officer and admin, once a day whichever worker gets there first. The day's
 * claim and the queued emails commit together, so a digest is neither lost nor sent twice.
 * Answers how many officers' emails were queued (0 when it is not yet time, already done, or
 * nothing is due).
 */
export async function sendOfficerDigest(prisma: PrismaClient, now: Date): Promise<number> {
  if (now.getUTCHours() < DIGEST_HOUR_UTC) return 0;
  return prisma.$transaction(async (tx) => {
    if (!(await claimToday(tx, now))) return 0;
    const jobs = await digestEmails(tx, now);
    await enqueueJobs(tx, jobs, now);
    return jobs.length;
  });
}

/** Each officer's digest, rendered and ready to queue (none when nothing is due). */
async function digestEmails(prisma: Tx, now: Date): Promise<JobInput[]> {
  const limit = dueBefore(now, DIGEST_DUE_DAYS);
  const due = await prisma.dataRequest.findMany({
    where: {
      status: { notIn: ["COMPLETED", "DENIED", "CANCELLED"] },
      OR: [{ extendedDueAt: null, dueAt: { lt: limit } }, { extendedDueAt: { lt: limit } }],
    },
    orderBy: { dueAt: "asc" },
    take: 200,
    select: { id: true, type: true, status: true, dueAt: true, extendedDueAt: true, assigneeId: true },
  });
  if (due.length === 0) return [];
  const officers = await prisma.user.findMany({
    where: { role: { in: ["PRIVACY_OFFICER", "ADMIN"] } },
    select: { id: true, email: true, person: { select: { preferredLanguage: true } } },
  });
  const appUrl = getConfig().APP_URL;
  const jobs: JobInput[] = [];
  for (const officer of officers) {
    const locale = isLocale(officer.person?.preferredLanguage) ? officer.person.preferredLanguage : defaultLocale;
    const t = translatorFor(locale, "officer");
    const types = translatorFor(locale, "requests");
    const lines = due
      .sort((a, b) => effectiveDueAt(a).getTime() - effectiveDueAt(b).getTime())
      .map((r) => t("digest.line", {
        type: types(`types.${r.type}`), status: types(`statuses.${r.status}`), due: formatDateTime(effectiveDueAt(r), locale, getConfig().TIME_ZONE, { dateStyle: "medium" }),
        mine: r.assigneeId === officer.id ? "yes" : "no", url: `${appUrl}/admin/requests/${r.id}`,
      }));
    const digest = await renderNotice(officer.email, t("digest.subject", { count: due.length }), {
      lang: locale,
      preview: t("digest.subject", { count: due.length }),
      heading: t("digest.heading", { count: due.length }),
      paragraphs: [t("digest.intro", { days: DIGEST_DUE_DAYS }), ...lines],
      button: { label: t("digest.button"), url: `${appUrl}/admin/requests?due=week` },
    });
    // Staff mail: request ids and dates only, about no one person.
    jobs.push(queuedEmail({ ...digest, personId: null }));
  }
  return jobs;
}
