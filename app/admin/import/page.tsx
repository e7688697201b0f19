import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { findImportJobs } from "@/lib/import/find-import-jobs";
import { UploadForm } from "./upload-form";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importer"))("title") };
}

/** Import persons and consents from a CRM export: upload, then map, dry-run and import. ADMIN only. */
export default async function ImportPage() {
  const user = await requireStaff("ADMIN");
  const files = await findImportJobs({ actor: await actorFor(user, "STAFF") });
  const t = await getTranslations("importer");
  const format = await getFormatter();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <section className="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t("uploadTitle")}</h2>
        <UploadForm />
      </section>
      <section className="card" aria-labelledby="files-heading">
        <h2 id="files-heading">{t("filesTitle")}</h2>
        {files.length === 0 ? (
          <p className="muted">{t("noFiles")}</p>
        ) : (
          <TableScroll labelledBy="files-heading">
            <table data-testid="import-files" style={{ overflowWrap: "anywhere" }}>
              <thead>
                <tr>
                  <th scope="col">{t("file")}</th>
                  <th scope="col">{t("uploaded")}</th>
                  <th scope="col">{t("runs")}</th>
                </tr>
              </thead>
              <tbody>
                {files.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <Link href={`/admin/import/${f.id}`}>{f.fileName}</Link> ({format.number(f.sizeBytes / 1024, { maximumFractionDigits: 0 })} KiB)
                    </td>
                    <td>{format.dateTime(f.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td>
                      {f.jobs.length === 0
                        ? "—"
                        : f.jobs.map((j) => (
                            <div key={j.id}>
                              <Link href={`/admin/import/jobs/${j.id}`}>{j.dryRun ? t("dryRun") : t("realRun")}</Link>: {t(`statuses.${j.status}`)}
                            </div>
                          ))}
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
