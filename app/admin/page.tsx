import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { BarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { findConsentRates } from "@/lib/dashboard/find-consent-rates";
import { findPropagationHealth } from "@/lib/dashboard/find-propagation-health";
import { findRequestStats } from "@/lib/dashboard/find-request-stats";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

/** The back-office home: consent rates, requests and propagation health as charts. SUPPORT and up. */
export default async function DashboardPage() {
  const user = await requireStaff("SUPPORT");
  const actor = await actorFor(user, "STAFF");
  const locale = await getLocale();
  const [rates, requests, health] = await Promise.all([
    findConsentRates({ actor, query: { weeks: 12, locale } }),
    findRequestStats({ actor, query: { months: 6 } }),
    findPropagationHealth({ actor }),
  ]);
  const t = await getTranslations("dashboard");
  const admin = await getTranslations("admin");
  const statuses = await getTranslations("requests.statuses");
  const format = await getFormatter();
  const percent = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 });
  const count = (v: number) => format.number(v, { maximumFractionDigits: 0 });
  const week = (d: Date) => format.dateTime(d, { day: "numeric", month: "numeric" });
  const month = (d: Date) => format.dateTime(d, { month: "short", year: "numeric", timeZone: "UTC" });
  const age = (seconds: number) => (seconds < 3600 ? t("minutes", { n: Math.round(seconds / 60) }) : seconds < 172_800 ? t("hours", { n: Math.round(seconds / 3600) }) : t("days", { n: Math.round(seconds / 86_400) }));
  const latest = (s: (typeof rates.series)[number]) => s.points[s.points.length - 1];

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{admin("intro", { role: admin(`roles.${user.role}`) })}</p>

      <section className="card" aria-labelledby="consent-heading">
        <h2 id="consent-heading">{t("consentTitle")}</h2>
        <p className="muted">{t("consentIntro")}</p>
        {rates.series.length === 0 ? (
          <p>{t("noPurposes")}</p>
        ) : (
          <LineChart
            id="chart-consent-rate"
            title={t("consentTitle")}
            summary={t("consentSummary", { weeks: rates.at.length, latest: rates.series.map((s) => `${s.title} ${percent(latest(s)?.rate ?? 0)}`).join(", ") })}
            labels={rates.at.map(week)}
            series={rates.series.map((s) => ({ name: s.title, values: s.points.map((p) => p.rate), colorIndex: s.order }))}
            max={1}
            format={percent}
            tableLabel={t("showTable")}
            columnLabel={t("weekEnding")}
          />
        )}
      </section>

      <section className="card" aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t("requestsTitle")}</h2>
        <p>
          {t("requestsOpen", { open: requests.open, overdue: requests.overdue })}{" "}
          {requests.onTimeRate === null ? t("onTimeNone") : t("onTimeRate", { rate: percent(requests.onTimeRate) })}
        </p>
        <BarChart
          id="chart-requests-by-status"
          title={t("byStatusTitle")}
          summary={requests.byStatus.map((s) => `${statuses(s.status)} ${s.count}`).join(", ")}
          bars={requests.byStatus.map((s) => ({ label: statuses(s.status), value: s.count }))}
          format={count}
          tableLabel={t("showTable")}
          columnLabel={t("status")}
          valueLabel={t("count")}
        />
        <LineChart
          id="chart-on-time"
          title={t("onTimeTitle")}
          summary={requests.onTime.map((m) => `${month(m.month)}: ${m.rate === null ? "—" : percent(m.rate)}`).join(", ")}
          labels={requests.onTime.map((m) => month(m.month))}
          series={[{ name: t("onTimeSeries"), values: requests.onTime.map((m) => m.rate) }]}
          max={1}
          format={percent}
          tableLabel={t("showTable")}
          columnLabel={t("month")}
        />
      </section>

      <section className="card" aria-labelledby="propagation-heading">
        <h2 id="propagation-heading">{t("propagationTitle")}</h2>
        <p className="muted">{t("propagationIntro", { days: health.days, waiting: health.undispatchedEvents })}</p>
        {health.systems.length === 0 ? (
          <p>{t("noSystems")}</p>
        ) : (
          <>
            <BarChart
              id="chart-propagation"
              title={t("successTitle", { days: health.days })}
              summary={health.systems.map((s) => `${s.name} ${s.successRate === null ? "—" : percent(s.successRate)}`).join(", ")}
              bars={health.systems.map((s) => ({ label: s.name, value: s.successRate ?? 0, note: s.successRate === null ? t("noDeliveries") : percent(s.successRate) }))}
              max={1}
              format={percent}
              tableLabel={t("showTable")}
              columnLabel={t("system")}
              valueLabel={t("successRate")}
            />
            <TableScroll labelledBy="propagation-heading">
              <table data-testid="propagation-health">
                <thead>
                  <tr>
                    <th scope="col">{t("system")}</th>
                    <th scope="col">{t("successRate")}</th>
                    <th scope="col">{t("backlog")}</th>
                    <th scope="col">{t("oldestPending")}</th>
                  </tr>
                </thead>
                <tbody>
                  {health.systems.map((s) => (
                    <tr key={s.systemId}>
                      <th scope="row">
                        {s.name} {!s.active && <span className="badge badge-overdue">{t("disabled")}</span>}
                      </th>
                      <td>{s.successRate === null ? "—" : `${percent(s.successRate)} (${s.succeeded}/${s.succeeded + s.failed})`}</td>
                      <td>{count(s.backlog)}</td>
                      <td>{s.oldestPendingAgeSeconds === null ? "—" : age(s.oldestPendingAgeSeconds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </section>
    </>
  );
}
