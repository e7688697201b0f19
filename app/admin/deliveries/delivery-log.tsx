import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { describeEventType } from "@/lib/i18n/describe-audit-entry";
import { getFormatter } from "@/lib/i18n/get-formatter";
import type { Locale } from "@/lib/i18n/locales";
import { findDeliveries } from "@/lib/propagation/find-deliveries";
import type { DeliveryFilter } from "@/lib/propagation/schemas";
import { ReplayDeliveryButton } from "./replay-buttons";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * A page of the delivery log for one system or one person (e.g. on a customer-360 page):
 * status, tries, next try, last error, acknowledgement; replay for admins. `basePath` keeps the
 * filters when paging.
 */
export async function DeliveryLog({ filter, basePath, canReplay }: { filter: DeliveryFilter; basePath: string; canReplay: boolean }) {
  const t = await getTranslations("deliveries");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const { items, nextCursor } = await findDeliveries(filter);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "medium" }) : "—");
  const older = new URLSearchParams(Object.entries({ status: filter.status, eventType: filter.eventType, personId: filter.personId, cursor: nextCursor }).filter((e): e is [string, string] => !!e[1]));
  if (items.length === 0) return <p>{t("none")}</p>;
  return (
    <>
      <TableScroll label={t("title")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("columns.created")}</th>
            {!filter.systemId && <th scope="col">{t("columns.system")}</th>}
            <th scope="col">{t("columns.event")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.attempts")}</th>
            <th scope="col">{t("columns.nextAttempt")}</th>
            <th scope="col">{t("columns.lastError")}</th>
            <th scope="col">{t("columns.acknowledged")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("details")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} data-delivery-status={d.status}>
              <td>{when(d.createdAt)}</td>
              {!filter.systemId && <td>{d.system.name}</td>}
              <td data-testid="delivery-event">{describeEventType(locale, d.eventType)}</td>
              <td>
                <span className={`badge${d.status === "FAILED" ? " badge-overdue" : ""}`}>{t(`statuses.${d.status}`)}</span>
              </td>
              <td>{d.attempts}</td>
              <td>{d.status === "PENDING" ? when(d.nextAttemptAt) : "—"}</td>
              <td>{d.lastError ? <span className="muted">{d.lastError.slice(0, 120)}</span> : "—"}</td>
              <td>{d.acknowledgements[0] ? `${t(`ack.${d.acknowledgements[0].status}`)} ${when(d.acknowledgements[0].createdAt)}` : "—"}</td>
              <td>
                <Link href={`/admin/deliveries/${d.id}`}>{t("details")}</Link>
                {canReplay && (d.status === "FAILED" || d.status === "SUCCEEDED") && <ReplayDeliveryButton deliveryId={d.id} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      {nextCursor && (
        <p className="pager">
          <Link href={`${basePath}?${older}`}>{t("older")}</Link>
        </p>
      )}
    </>
  );
}
