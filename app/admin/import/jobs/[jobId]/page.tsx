import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { ActionButton } from "@/components/admin/action-button";
import { AutoRefresh } from "@/components/admin/auto-refresh";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { getImportJob } from "@/lib/import/get-import-job";
import { cancelImportAction } from "../../actions";
import { RefusedRows } from "./refused-rows";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importer"))("jobTitle") };
}

const countKeys = [
  "processedRows", "createdRows", "matchedRows", "errorRows", "suppressedRows",
  "organisationsCreated", "organisationsMatched", "membershipsCreated", "consentsGranted", "consentsWithdrawn", "duplicateCandidates",
] as const;

/** An import's progress (refreshing while it runs), what happened, its counts and the refused rows, paged. ADMIN only. */
export default async function ImportJobPage({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams?: Promise<{ page?: string }> }) {
  const user = await requireStaff("ADMIN");
  const { jobId } = await params;
  const { page } = (await searchParams) ?? {};
  const job = await getImportJob({ actor: await actorFor(user, "STAFF"), jobId, page: Number(page) || 1 }).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("importer");
  const format = await getFormatter();
  const running = job.outcome === "running";
  const [failure, failedRow] = (job.failure ?? "").split(":");
  const outcome = job.outcome === "dryRun" && job.errorRows > 0 ? "dryRunRefused" : job.outcome;
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
        <p data-testid="import-outcome" data-outcome={job.outcome} role="status" className={job.outcome === "refusedNothingImported" || job.outcome.startsWith("stopped") ? "form-error" : undefined}>
          {t(`outcomes.${outcome}`, { refused: job.errorRows })}
        </p>
        {failure && failure !== "cancelled" && failure !== "rowsRefused" && (
          <p className="form-error">{failure === "malformedCsv" ? t("failures.malformedCsv", { row: failedRow ?? "?" }) : failure === "fileGone" ? t("failures.fileGone") : t("failures.internal")}</p>
        )}
        {job.dryRun && !running && (
          <p>
            <Link href={`/admin/import/${job.file.id}`}>{t("continue")}</Link>
          </p>
        )}
        {running && <ActionButton action={cancelImportAction.bind(null, job.id)} label={t("cancel")} done={t("cancelled")} namespace="importer" confirm={t("cancelConfirm")} danger testId="cancel-import" />}
      </section>
      <section className="card" aria-labelledby="counts-heading">
        <h2 id="counts-heading">{job.dryRun || job.committed || running ? t("countsTitle") : t("countsTitleNotKept")}</h2>
        <dl className="fields" data-testid="import-counts">
          {countKeys.map((key) => (
            <div key={key} className="field-row">
              <dt>{t(`counts.${key}`)}</dt>
              <dd data-count={key}>
                {format.number(job[key])}
                {key === "duplicateCandidates" && job[key] > 0 && <Link href="/admin/duplicates">{t("seeDuplicates")}</Link>}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <RefusedRows job={job} running={running} />
    </>
  );
}
