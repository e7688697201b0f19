import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { ProcessingBanner } from "@/components/processing-banner";
import { requirePerson } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { findPersonExports } from "@/lib/requests/find-person-exports";
import { getNextExportTime } from "@/lib/requests/get-next-export-time";
import { RefreshWhileBuilding, RequestExportButton } from "./export-controls";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataExport"))("title") };
}

const sizeOf = (bytes: number | null) => (bytes === null ? "" : bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export default async function DataPage() {
  const user = await requirePerson();
  const exports = await findPersonExports(user.personId);
  const t = await getTranslations("dataExport");
  const format = await getFormatter();
  const building = exports.some((e) => e.status === "PENDING" || e.status === "BUILDING");
  const nextAt = building ? null : await getNextExportTime(user.personId);
  return (
    <>
      <h1>{t("title")}</h1>
      <ProcessingBanner personId={user.personId} />
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t("title")}</h2>
        <p>{t("intro")}</p>
        <p className="muted">{t("signedInOnly", { days: getConfig().EXPORT_RETENTION_DAYS })}</p>
        <RequestExportButton building={building} waiting={nextAt !== null} />
        {nextAt && <p className="muted" data-testid="next-export">{t("nextExport", { date: format.dateTime(nextAt, { dateStyle: "long", timeStyle: "short" }) })}</p>}
        <RefreshWhileBuilding active={building} />
        {exports.length > 0 && (
          <>
            <h3>{t("previous")}</h3>
            <ul className="export-list" data-testid="exports">
              {exports.map((e) => (
                <li key={e.id} data-export-status={e.status}>
                  <span className="muted">
                    {t("created")} {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </span>
                  {(e.status === "PENDING" || e.status === "BUILDING") && (
                    <div role="status">
                      <label htmlFor={`progress-${e.id}`}>{e.status === "PENDING" ? t("pending") : t("building")}</label>
                      <progress id={`progress-${e.id}`} max={100} value={e.progress} aria-label={t("progressLabel")}>
                        {e.progress}%
                      </progress>
                    </div>
                  )}
                  {e.status === "READY" && (
                    <p>
                      <a className="button" href={`/data/exports/${e.id}`} download>
                        {t("download", { size: sizeOf(e.sizeBytes) })}
                      </a>{" "}
                      <span className="muted">
                        {e.expiresAt && t("expires", { date: format.dateTime(e.expiresAt, { dateStyle: "long", timeStyle: "short" }) })} ·{" "}
                        {t("downloads", { count: e.downloads })}
                      </span>
                    </p>
                  )}
                  {e.status === "EXPIRED" && <p className="muted">{t("expired")}</p>}
                  {e.status === "FAILED" && <p className="form-error">{t("failed")}</p>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("deleteTitle")}</h2>
        <p>{t("deleteIntro")}</p>
        <p>
          <Link href="/data/delete">{t("deleteLink")}</Link>
        </p>
      </section>
    </>
  );
}
