import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { requireStaff } from "@/lib/auth/guards";
import { findAdminNotices } from "@/lib/propagation/find-admin-notices";
import { findConnectedSystems } from "@/lib/propagation/find-connected-systems";
import { jobKindLabelKey } from "@/lib/queue/job-kind-label";
import { TableScroll } from "@/components/ui/table-scroll";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("systems"))("title") };
}

export default async function SystemsPage() {
  await requireStaff("ADMIN");
  const t = await getTranslations("systems");
  const jobs = await getTranslations("queueAdmin");
  const format = await getFormatter();
  const [systems, notices] = await Promise.all([findConnectedSystems(), findAdminNotices()]);
  const noticeText = (kind: string, name: string) =>
    kind.endsWith(".gone") ? t("notices.gone", { name }) : kind.endsWith(".failing") ? t("notices.failing", { name }) : t("notices.other", { name, kind });
  return (
    <>
      {notices.length > 0 && (
        <section className="card" aria-labelledby="notices-title">
          <h2 id="notices-title">{t("notices.title")}</h2>
          <ul>
            {notices.map((n) => (
              <li key={n.id}>
                {format.dateTime(n.createdAt, { dateStyle: "short", timeStyle: "short" })} —{" "}
                {n.system ? (
                  <Link href={`/admin/systems/${n.system.id}`}>{noticeText(n.kind, n.system.name)}</Link>
                ) : n.kind === "job.dead" ? (
                  <Link href="/admin/queue">{t("notices.jobDead", { kind: jobs(jobKindLabelKey(String((n.details as { kind?: unknown } | null)?.kind ?? ""))) })}</Link>
                ) : (
                  n.kind
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="card">
        <h1>{t("title")}</h1>
        <p className="muted">{t("intro")}</p>
        <p className="actions">
          <Link className="button" href="/admin/systems/new">
            {t("new")}
          </Link>
          <Link href="/api-docs">{t("apiDocs")}</Link>
        </p>
        {systems.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <TableScroll label={t("title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.key")}</th>
                <th scope="col">{t("columns.kind")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.waiting")}</th>
                <th scope="col">{t("columns.failed")}</th>
              </tr>
            </thead>
            <tbody>
              {systems.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/admin/systems/${s.id}`}>{s.name}</Link>
                    {s.manual && <span className="badge">{t("manualBadge")}</span>}
                  </td>
                  <td>
                    <code>{s.key}</code>
                  </td>
                  <td>{t(`kinds.${s.kind}`)}</td>
                  <td>
                    {s.active ? t("status.active") : `${t("status.disabled")} (${t(`disabledReasons.${(s.disabledReason ?? "manual") as "manual"}`)})`}
                    {s.failingSince && <span className="badge badge-overdue">{t("status.failingSince", { time: format.dateTime(s.failingSince, { dateStyle: "short", timeStyle: "short" }) })}</span>}
                  </td>
                  <td>{s.waiting}</td>
                  <td>{s.failed > 0 ? <Link href={`/admin/systems/${s.id}/deliveries?status=FAILED`}>{s.failed}</Link> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
      </div>
    </>
  );
}
