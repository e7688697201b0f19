import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { ActionButton } from "@/components/admin/action-button";
import { requireStaff } from "@/lib/auth/guards";
import { getQueueOverview } from "@/lib/queue/get-queue-overview";
import { jobKindLabelKey } from "@/lib/queue/job-kind-label";
import { replayDeadJobAction } from "./actions";
import { TableScroll } from "@/components/ui/table-scroll";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("queueAdmin"))("title") };
}

/** The job queue: what waits, runs and died per kind, and the dead jobs with replay. ADMIN only. */
export default async function QueuePage() {
  await requireStaff("ADMIN");
  const t = await getTranslations("queueAdmin");
  const format = await getFormatter();
  const now = new Date();
  const { kinds, dead } = await getQueueOverview(now);
  const when = (at: Date) => format.dateTime(at, { dateStyle: "short", timeStyle: "short" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <section className="card" aria-labelledby="queue-kinds">
        <h2 id="queue-kinds">{t("byKind")}</h2>
        {kinds.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <TableScroll labelledBy="queue-kinds">
            <table data-testid="queue-kinds">
              <thead>
                <tr>
                  <th scope="col">{t("columns.kind")}</th>
                  <th scope="col">{t("columns.pending")}</th>
                  <th scope="col">{t("columns.running")}</th>
                  <th scope="col">{t("columns.dead")}</th>
                  <th scope="col">{t("columns.oldestDue")}</th>
                </tr>
              </thead>
              <tbody>
                {kinds.map((k) => (
                  <tr key={k.kind}>
                    <th scope="row">{t(jobKindLabelKey(k.kind))}</th>
                    <td>{format.number(k.pending)}</td>
                    <td>{format.number(k.running)}</td>
                    <td>{format.number(k.dead)}</td>
                    <td>{k.oldestDueAt ? format.relativeTime(k.oldestDueAt, now) : t("nothingDue")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section className="card" aria-labelledby="queue-dead">
        <h2 id="queue-dead">{t("deadTitle")}</h2>
        <p className="muted">{t("deadIntro")}</p>
        {dead.length === 0 ? (
          <p>{t("noDead")}</p>
        ) : (
          <TableScroll labelledBy="queue-dead">
            <table data-testid="queue-dead">
              <thead>
                <tr>
                  <th scope="col">{t("columns.kind")}</th>
                  <th scope="col">{t("columns.attempts")}</th>
                  <th scope="col">{t("columns.lastError")}</th>
                  <th scope="col">{t("columns.queuedAt")}</th>
                  <th scope="col">{t("columns.diedAt")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("replay")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {dead.map((job) => (
                  <tr key={job.id}>
                    <th scope="row">{t(jobKindLabelKey(job.kind))}</th>
                    <td>{format.number(job.attempts)}</td>
                    <td>{job.lastError ?? t("noError")}</td>
                    <td>{when(job.createdAt)}</td>
                    <td>{job.finishedAt ? when(job.finishedAt) : t("nothingDue")}</td>
                    <td>
                      <ActionButton action={replayDeadJobAction.bind(null, job.id)} label={t("replay")} done={t("replayed")} namespace="queueAdmin" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
