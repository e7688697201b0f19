import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import type { ImportJobView } from "@/lib/import/get-import-job";
import { TableScroll } from "@/components/ui/table-scroll";

/** The refused rows of an import, a page at a time (line in the file, column, reason in the reader's language), and the whole report as CSV. */
export async function RefusedRows({ job, running }: { job: ImportJobView; running: boolean }) {
  const t = await getTranslations("importer");
  const format = await getFormatter();
  const reason = (key: string) => (t.has(`reasons.${key}`) ? t(`reasons.${key}` as "reasons.emailInvalid") : t("reasonUnknown"));
  const pageHref = (page: number) => `/admin/import/jobs/${job.id}?page=${page}`;
  return (
    <section className="card" aria-labelledby="report-heading">
      <h2 id="report-heading">{t("reportTitle", { rows: format.number(job.errorRows) })}</h2>
      {job.errors.length === 0 ? (
        <p className="muted">{running ? t("reportPending") : t("reportEmpty")}</p>
      ) : (
        <>
          <p className="muted">{t("reportHint")}</p>
          <p>
            <a href={`/admin/import/jobs/${job.id}/errors`} download data-testid="download-report">
              {t("downloadReport")}
            </a>
          </p>
          <TableScroll labelledBy="report-heading">
            <table data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t("line")}</th>
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
          </TableScroll>
          {job.errorPages > 1 && (
            <nav className="pager" aria-label={t("reportPages")} data-testid="report-pager">
              {job.errorPage > 1 && <Link href={pageHref(job.errorPage - 1)}>{t("previousPage")}</Link>}
              <span>{t("reportPage", { page: job.errorPage, pages: job.errorPages })}</span>
              {job.errorPage < job.errorPages && <Link href={pageHref(job.errorPage + 1)}>{t("nextPage")}</Link>}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
