import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/admin/action-button";
import { AutoRefresh } from "@/components/admin/auto-refresh";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { getImportJob } from "@/lib/import/get-import-job";
import { cancelImportAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importer"))("jobTitle") };
}

/** An import's progress (refreshing while it runs) and its report. ADMIN only. */
export default async function ImportJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const user = await requireStaff("ADMIN");
  const { jobId } = await params;
  const job = await getImportJob({ actor: await actorFor(user, "STAFF"), jobId }).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("importer");
  const format = await getFormatter();
  const running = job.status === "QUEUED" || job.status === "RUNNING";
  const [failure, failedRow] = (job.failure ?? "").split(":");
  const reason = (key: string) => (t.has(`reasons.${key}`) ? t(`reasons.${key}` as "reasons.emailInvalid") : key);
  return (
    <>
      <AutoRefresh active={running} />
      <h1>{job.dryRun ? t("dryRunTitle", { file: job.file.fileName }) : t("jobTitleFor", { file: job.file.fileName })}</h1>
      <section className="card" aria-labelledby="progress-heading">
        <h2 id="progress-heading">
          {t(`statuses.${job.status}`)}
          {job.dryRun && <span className="badge">{t("dryRun")}</span>}
        </h2>
        <label htmlFor="import-progress">{t("progress", { percent: job.percent, rows: format.number(job.processedRows) })}</label>
        <progress id="import-progress" data-testid="import-progress" max={100} value={job.percent} aria-valuetext={t("percent", { percent: job.percent })} />
        {failure && (
          <p className="form-error" role="alert">
            {failure === "malformedCsv" ? t("failures.malformedCsv", { row: failedRow ?? "?" }) : t("failures.internal")}
          </p>
        )}
        <dl className="fields" data-testid="import-counts">
          {(["processedRows", "createdRows", "matchedRows", "suppressedRows", "errorRows", "consentsRecorded"] as const).map((key) => (
            <div key={key} className="field-row">
              <dt>{t(`counts.${key}`)}</dt>
              <dd data-count={key}>{format.number(job[key])}</dd>
            </div>
          ))}
        </dl>
        {job.dryRun && !running && (
          <p className="muted">
            {t("dryRunDone")} <Link href={`/admin/import/${job.file.id}`}>{t("continue")}</Link>
          </p>
        )}
        {running && <ActionButton action={cancelImportAction.bind(null, job.id)} label={t("cancel")} done={t("cancelled")} namespace="importer" confirm={t("cancelConfirm")} danger testId="cancel-import" />}
      </section>
      <section className="card" aria-labelledby="report-heading">
        <h2 id="report-heading">{t("reportTitle", { rows: job.errorRows })}</h2>
        {job.errors.length === 0 ? (
          <p className="muted">{running ? t("reportPending") : t("reportEmpty")}</p>
        ) : (
          <>
            <p>
              <a href={`/admin/import/jobs/${job.id}/errors`} download>
                {t("downloadReport")}
              </a>
            </p>
            <div className="table-wrap">
              <table data-testid="import-errors">
                <thead>
                  <tr>
                    <th scope="col">{t("row")}</th>
                    <th scope="col">{t("column")}</th>
                    <th scope="col">{t("reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {job.errors.map((e, i) => (
                    <tr key={`${e.row}-${i}`} data-row={e.row}>
                      <td>{e.row}</td>
                      <td>{e.column ?? "—"}</td>
                      <td>{reason(e.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
