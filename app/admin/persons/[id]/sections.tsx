import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { getFormatter } from "@/lib/i18n/get-formatter";
import type { Person360 } from "@/lib/persons/get-person-360";
import { describeActivity } from "@/lib/i18n/describe-activity";
import { describeEventType } from "@/lib/i18n/describe-audit-entry";
import { loadDescribeNames } from "@/lib/i18n/describe-names";
import { describeSource } from "@/lib/i18n/describe-source";
import type { Locale } from "@/lib/i18n/locales";
import { TableScroll } from "@/components/ui/table-scroll";

// The sections of the customer 360, each a card with a heading; tables carry test ids.

type Props = { record: Person360 };

// System names and purpose titles, read once per request whichever sections need them.
const names = cache(async () => {
  const locale = (await getLocale()) as Locale;
  return { locale, names: await loadDescribeNames(locale) };
});

export async function ProfileSection({ record }: Props) {
  const t = await getTranslations("person360");
  const fields = await getTranslations("profile.fields");
  const { locale, names: known } = await names();
  const roles = await getTranslations("admin.roles");
  const format = await getFormatter();
  const { profile, status } = record;
  const value = (field: string) => (profile.fields as Record<string, unknown>)[field];
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("profileTitle")}</h2>
      <p>
        {status.erasedAt && <span className="badge badge-overdue">{t("erased")}</span>}
        {status.restrictedAt && <span className="badge badge-soon">{t("restricted")}</span>}
        <span className="badge">{record.account ? t("account", { role: roles(record.account.role) }) : t("noAccount")}</span>
      </p>
      <dl className="fields" data-testid="person-fields">
        {profile.fieldOrder.map((field) => {
          const provenance = profile.provenance[field];
          return (
            <div key={field} className="field-row">
              <dt>{fields(field)}</dt>
              <dd>
                <span>{String(value(field) ?? "—")}</span>
                {provenance && (
                  <span className="muted provenance">
                    {t("provenance", { source: describeSource(locale, provenance, known, "staff"), time: format.dateTime(provenance.changedAt, { dateStyle: "medium" }) })}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <h3>{t("externalIds")}</h3>
      {record.externalIds.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul data-testid="external-ids">
          {record.externalIds.map((e) => (
            <li key={`${e.system}:${e.externalId}`}>
              <strong>{known.systems.get(e.system) ?? e.system}</strong>: {e.externalId}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("organisations")}</h3>
      {profile.organisations.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul>
          {profile.organisations.map((o) => (
            <li key={o.membershipId}>
              {o.name} (<span className="business-id">{o.businessId}</span>) — {o.role}
            </li>
          ))}
        </ul>
      )}
      {record.mergedIds.length > 0 && (
        <p className="muted" data-testid="merged-ids">
          {t("mergedIds", { ids: record.mergedIds.map((m) => m.aliasId).join(", ") })}
        </p>
      )}
    </section>
  );
}

export async function ConsentSection({ record }: Props) {
  const t = await getTranslations("person360");
  const sources = await getTranslations("consents.sources");
  const format = await getFormatter();
  return (
    <section className="card" aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t("consentsTitle")}</h2>
      <TableScroll labelledBy="consents-heading">
      <table data-testid="person-consents">
        <thead>
          <tr>
            <th scope="col">{t("purpose")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("since")}</th>
          </tr>
        </thead>
        <tbody>
          {record.consents.map((c) => (
            <tr key={c.purposeKey} data-purpose={c.purposeKey}>
              <td>{c.title}</td>
              <td>
                {t(`consentStatus.${c.status}`)}{" "}
                {c.needsRenewal && <span className="badge badge-soon">{t("needsRenewal")}</span>}{" "}
                {c.permitted && <span className="badge">{t("permitted")}</span>}
              </td>
              <td>{c.updatedAt ? `${format.dateTime(c.updatedAt, { dateStyle: "medium" })} (${c.stateSource ? sources(c.stateSource) : "—"})` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <h3>{t("consentHistory")}</h3>
      {record.consentHistory.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul data-testid="consent-history">
          {record.consentHistory.map((e) => (
            <li key={e.consentEventId}>
              {format.dateTime(e.occurredAt, { dateStyle: "medium", timeStyle: "short" })}: {e.title} v{e.version} — {t(`consentStatus.${e.status}`)} ({sources(e.source)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export async function InteractionSection({ record }: Props) {
  const t = await getTranslations("person360");
  const kinds = await getTranslations("profile.kinds");
  const { names: known } = await names();
  const format = await getFormatter();
  const { interactions } = record;
  return (
    <section className="card" aria-labelledby="interactions-heading">
      <h2 id="interactions-heading">{t("interactionsTitle", { count: interactions.total })}</h2>
      {interactions.items.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <TableScroll labelledBy="interactions-heading">
        <table data-testid="person-interactions">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("summary")}</th>
              <th scope="col">{t("system")}</th>
            </tr>
          </thead>
          <tbody>
            {interactions.items.map((i) => (
              <tr key={i.id}>
                <td>{format.dateTime(i.occurredAt, { dateStyle: "medium" })}</td>
                <td>{kinds(i.kind)}</td>
                <td>
                  {i.summary}
                  {i.amountMinor !== null && i.currency ? ` — ${format.number(i.amountMinor / 100, { style: "currency", currency: i.currency })}` : ""}
                </td>
                <td>{known.systems.get(i.system) ?? i.system}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      {interactions.pages > 1 && (
        <nav className="pager" aria-label={t("interactionsTitle", { count: interactions.total })}>
          {interactions.page > 1 && <Link href={`?page=${interactions.page - 1}`}>←</Link>}
          <span>{t("pageOf", { page: interactions.page, pages: interactions.pages })}</span>
          {interactions.page < interactions.pages && <Link href={`?page=${interactions.page + 1}`}>→</Link>}
        </nav>
      )}
    </section>
  );
}

export async function RequestSection({ record, canOpen }: Props & { canOpen: boolean }) {
  const t = await getTranslations("person360");
  const requests = await getTranslations("requests");
  const format = await getFormatter();
  return (
    <section className="card" aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t("requestsTitle")}</h2>
      {record.requests.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <TableScroll labelledBy="requests-heading">
        <table data-testid="person-requests">
          <thead>
            <tr>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("received")}</th>
              <th scope="col">{t("due")}</th>
            </tr>
          </thead>
          <tbody>
            {record.requests.map((r) => (
              <tr key={r.id}>
                <td>{canOpen ? <Link href={`/admin/requests/${r.id}`}>{requests(`types.${r.type}`)}</Link> : requests(`types.${r.type}`)}</td>
                <td>{requests(`statuses.${r.status}`)}</td>
                <td>{format.dateTime(r.receivedAt, { dateStyle: "medium" })}</td>
                <td>{format.dateTime(r.due, { dateStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </section>
  );
}

export async function DeliverySection({ record }: Props) {
  const t = await getTranslations("person360");
  const format = await getFormatter();
  const { locale } = await names();
  return (
    <section className="card" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">{t("deliveriesTitle")}</h2>
      <p className="muted">{t("deliveriesIntro")}</p>
      {record.deliveries.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <TableScroll labelledBy="deliveries-heading">
        <table data-testid="person-deliveries">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("system")}</th>
              <th scope="col">{t("event")}</th>
              <th scope="col">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {record.deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/admin/deliveries/${d.id}`}>{format.dateTime(d.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Link>
                </td>
                <td>{d.system.name}</td>
                <td>{describeEventType(locale, d.eventType)}</td>
                <td>
                  {t(`deliveryStatus.${d.status}`)}
                  {d.acknowledged && <span className="badge">{t("acknowledged")}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </section>
  );
}

export async function ActivitySection({ record }: Props) {
  const t = await getTranslations("person360");
  const format = await getFormatter();
  const rows = await describeActivity((await names()).locale, record.activity, "staff");
  return (
    <section className="card" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t("activityTitle")}</h2>
      <ul data-testid="person-activity">
        {rows.map((e) => (
          <li key={e.id} data-action={e.action}>
            {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}: {e.what} ({e.who}){e.reason ? ` — ${e.reason}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
