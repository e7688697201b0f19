import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { describeEventType } from "@/lib/i18n/describe-audit-entry";
import { getFormatter } from "@/lib/i18n/get-formatter";
import type { Locale } from "@/lib/i18n/locales";
import { requireStaff } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { getDelivery } from "@/lib/propagation/get-delivery";
import { ReplayDeliveryButton } from "../replay-buttons";
import { TableScroll } from "@/components/ui/table-scroll";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deliveries"))("detail.title") };
}

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireStaff("SUPPORT");
  const delivery = await getDelivery((await params).id);
  if (!delivery) notFound();
  const t = await getTranslations("deliveries");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "medium" }) : "—");
  return (
    <>
      <div className="card">
        <h1>{t("detail.title")}</h1>
        <dl className="fields" data-testid="delivery-fields">
          {[
            [t("detail.system"), <Link key="s" href={`/admin/systems/${delivery.system.id}/deliveries`}>{delivery.system.name}</Link>],
            [t("columns.event"), describeEventType(locale, delivery.eventType)],
            [t("detail.eventId"), <code key="i">{delivery.eventId}</code>],
            [t("detail.webhookId"), <code key="w">{delivery.webhookId}</code>],
            [t("detail.person"), delivery.personId ? <Link key="p" href={`/admin/deliveries?personId=${delivery.personId}`}>{t("detail.personDeliveries")}</Link> : "—"],
            [t("columns.status"), t(`statuses.${delivery.status}`)],
            [t("columns.attempts"), delivery.attempts],
            [t("columns.nextAttempt"), delivery.status === "PENDING" ? when(delivery.nextAttemptAt) : "—"],
          ].map(([label, value], i) => (
            <div className="field-row" key={i}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {hasRole(user.role, "ADMIN") && (delivery.status === "FAILED" || delivery.status === "SUCCEEDED") && (
          <p className="actions">
            <ReplayDeliveryButton deliveryId={delivery.id} />
          </p>
        )}
      </div>
      <section className="card" aria-labelledby="attempts-title">
        <h2 id="attempts-title">{t("detail.attemptsTitle")}</h2>
        {delivery.attemptLog.length === 0 ? (
          <p>{t("detail.noAttempts")}</p>
        ) : (
          <TableScroll labelledBy="attempts-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("detail.time")}</th>
                <th scope="col">{t("detail.status")}</th>
                <th scope="col">{t("detail.duration")}</th>
                <th scope="col">{t("detail.error")}</th>
                <th scope="col">{t("detail.response")}</th>
                <th scope="col">{t("detail.worker")}</th>
              </tr>
            </thead>
            <tbody>
              {delivery.attemptLog.map((a) => (
                <tr key={a.id}>
                  <td>{when(a.startedAt)}</td>
                  <td>{a.statusCode ?? "—"}</td>
                  <td>{t("detail.ms", { ms: a.durationMs })}</td>
                  <td>{a.error ?? "—"}</td>
                  <td>{a.responseSnippet ? <code>{a.responseSnippet.slice(0, 200)}</code> : "—"}</td>
                  <td>
                    <code>{a.workerId ?? "—"}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
      </section>
      <section className="card" aria-labelledby="acks-title">
        <h2 id="acks-title">{t("detail.acksTitle")}</h2>
        {delivery.acknowledgements.length === 0 ? (
          <p>{t("detail.noAcks")}</p>
        ) : (
          <ul>
            {delivery.acknowledgements.map((a) => (
              <li key={a.id}>
                {when(a.createdAt)} — {t(`ack.${a.status}`)}
                {a.note ? `: ${a.note}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
