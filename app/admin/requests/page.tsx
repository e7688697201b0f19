import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { findDataRequests } from "@/lib/requests/find-data-requests";
import { requestStatuses, requestTypes } from "@/lib/requests/schemas";
import { parsePageNumber } from "@/lib/parse-search-params";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("officer"))("title") };
}

type Search = { status?: string; type?: string; due?: string; showStale?: string; page?: string };

export default async function RequestQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireStaff("PRIVACY_OFFICER");
  const actor = await actorFor(user, "STAFF");
  const search = await searchParams;
  const filter = {
    status: (requestStatuses as readonly string[]).includes(search.status ?? "") ? (search.status as (typeof requestStatuses)[number]) : undefined,
    type: (requestTypes as readonly string[]).includes(search.type ?? "") ? (search.type as (typeof requestTypes)[number]) : undefined,
    due: search.due === "overdue" || search.due === "week" ? (search.due as "overdue" | "week") : ("any" as const),
    showStale: search.showStale === "1",
    page: parsePageNumber(search.page),
  };
  const queue = await findDataRequests({ actor, filter });
  const t = await getTranslations("officer");
  const r = await getTranslations("requests");
  const format = await getFormatter();
  const pageHref = (page: number) => `/admin/requests?${new URLSearchParams({ ...Object.fromEntries(Object.entries(search).filter(([, v]) => typeof v === "string")), page: String(page) })}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <p className="actions">
        <Link className="button" href="/admin/requests/new">
          {t("newOnBehalf")}
        </Link>
      </p>
      <form className="card filters" method="get" aria-label={t("filters")}>
        <div className="field">
          <label htmlFor="filter-status">{t("status")}</label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("allOpen")}</option>
            {requestStatuses.map((s) => (
              <option key={s} value={s}>
                {r(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-type">{t("type")}</label>
          <select id="filter-type" name="type" defaultValue={filter.type ?? ""}>
            <option value="">—</option>
            {requestTypes.map((type) => (
              <option key={type} value={type}>
                {r(`types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-due">{t("due")}</label>
          <select id="filter-due" name="due" defaultValue={filter.due}>
            <option value="any">{t("dueAny")}</option>
            <option value="overdue">{t("dueOverdue")}</option>
            <option value="week">{t("dueWeek")}</option>
          </select>
        </div>
        <div className="field checkbox-field">
          <input id="filter-stale" type="checkbox" name="showStale" value="1" defaultChecked={filter.showStale} />
          <label htmlFor="filter-stale">{t("showStale")}</label>
        </div>
        <button type="submit">{t("apply")}</button>
      </form>
      {queue.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <TableScroll label={t("title")}>
        <table data-testid="request-queue">
          <thead>
            <tr>
              <th scope="col">{t("type")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("person")}</th>
              <th scope="col">{t("received")}</th>
              <th scope="col">{t("due")}</th>
              <th scope="col">{t("assignee")}</th>
            </tr>
          </thead>
          <tbody>
            {queue.items.map((item) => (
              <tr key={item.id} className={`urgency-${item.urgency}`} data-request-id={item.id} data-urgency={item.urgency}>
                <td>
                  <Link href={`/admin/requests/${item.id}`}>{r(`types.${item.type}`)}</Link>
                </td>
                <td>{r(`statuses.${item.status}`)}</td>
                <td>{item.person.erasedAt ? <em>{t("erasedPerson")}</em> : (item.personName ?? item.person.email)}</td>
                <td>{format.dateTime(item.receivedAt, { dateStyle: "medium" })}</td>
                <td>
                  {format.dateTime(item.due, { dateStyle: "medium" })}
                  {item.extended && <span className="muted"> ({t("extended")})</span>}
                  {item.urgency === "overdue" && <span className="badge badge-overdue">{t("overdue")}</span>}
                  {item.urgency === "soon" && <span className="badge badge-soon">{t("soon")}</span>}
                </td>
                <td>{item.assignee?.email ?? <span className="muted">{t("unassigned")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      <nav className="pager" aria-label={t("title")}>
        {queue.page > 1 && <Link href={pageHref(queue.page - 1)}>{t("previous")}</Link>}
        <span>{t("pageOf", { page: queue.page, pages: queue.pages })}</span>
        {queue.page < queue.pages && <Link href={pageHref(queue.page + 1)}>{t("next")}</Link>}
      </nav>
    </>
  );
}
