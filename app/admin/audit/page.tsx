import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { describeAction, describeActor } from "@/lib/i18n/describe-audit-entry";
import { loadDescribeNames } from "@/lib/i18n/describe-names";
import { getFormatter } from "@/lib/i18n/get-formatter";
import type { Locale } from "@/lib/i18n/locales";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { findAuditEntries } from "@/lib/audit/find-audit-entries";
import { getAuditSealStatus } from "@/lib/audit/get-audit-seal-status";
import { findPersonLabels, type PersonLabel } from "@/lib/persons/find-person-labels";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import { isAppError } from "@/lib/errors";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditViewer"))("title") };
}

type Search = { personId?: string; actor?: string; action?: string; from?: string; to?: string; before?: string; verify?: string };
const FILTERS = ["personId", "actor", "action", "from", "to"] as const;

/** The audit trail: how far it is sealed, filter, page, verify the chain, export CSV. PRIVACY_OFFICER and up. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireStaff("PRIVACY_OFFICER");
  const actor = await actorFor(user, "STAFF");
  const search = await searchParams;
  const filter = Object.fromEntries(FILTERS.flatMap((k) => (typeof search[k] === "string" && search[k] ? [[k, search[k]]] : [])));
  const t = await getTranslations("auditViewer");
  const format = await getFormatter();
  let page: Awaited<ReturnType<typeof findAuditEntries>> | null = null;
  let fieldErrors: Record<string, string> = {};
  try {
    page = await findAuditEntries({ actor, filter: { ...filter, before: search.before } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    fieldErrors = error.options.fields ?? {};
  }
  const chain = search.verify === "1" ? await verifyAuditTrail({ actor }) : null;
  const locale = (await getLocale()) as Locale;
  const names = await loadDescribeNames(locale);
  const seal = await getAuditSealStatus({ actor });
  const people = await findPersonLabels(page?.entries.flatMap((e) => (e.personId ? [e.personId] : [])) ?? []);
  const query = (extra: Record<string, string>) => `?${new URLSearchParams({ ...filter, ...extra })}`;
  const input = (name: (typeof FILTERS)[number], type = "text") => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{t(`filters.${name}`)}</label>
      <input id={`filter-${name}`} name={name} type={type} defaultValue={filter[name] ?? ""} aria-invalid={fieldErrors[name] ? "true" : "false"} aria-describedby={fieldErrors[name] ? `filter-${name}-error` : undefined} />
      {fieldErrors[name] && (
        <p id={`filter-${name}-error`} className="field-error" role="alert">
          {t(`errors.${fieldErrors[name]}` as "errors.dateInvalid")}
        </p>
      )}
    </div>
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <form className="card filters" method="get" aria-label={t("filtersLabel")}>
        {input("personId")}
        {input("actor")}
        {input("action")}
        {input("from", "date")}
        {input("to", "date")}
        <button type="submit">{t("apply")}</button>
      </form>
      <p className="actions">
        <a className="button" href={`/admin/audit/export${query({})}`} download data-testid="audit-export">
          {t("export")}
        </a>
        <Link href={query({ verify: "1" })}>{t("verify")}</Link>
      </p>
      <section className="card" aria-label={t("seal.sealLabel")} data-testid="audit-seal">
        <p>
          {seal.checkpoint
            ? t("seal.checkpoint", { size: seal.checkpoint.size, time: format.dateTime(seal.checkpoint.signedAt, { dateStyle: "short", timeStyle: "medium" }) })
            : t("seal.noCheckpoint")}{" "}
          {seal.checkpoint && <a href="/admin/audit/checkpoint" download>{t("seal.downloadCheckpoint")}</a>}
        </p>
        <p>
          {seal.waiting === 0
            ? t("seal.allSealed")
            : (seal.oldestWaitingSeconds ?? 0) < 120
              ? t("seal.lagSeconds", { count: seal.waiting, seconds: seal.oldestWaitingSeconds ?? 0 })
              : t("seal.lagMinutes", { count: seal.waiting, minutes: Math.floor((seal.oldestWaitingSeconds ?? 0) / 60) })}
        </p>
      </section>
      {chain && (
        <p className={chain.intact ? "notice" : "warning"} role="status" data-testid="audit-chain">
          {chain.intact ? t("intact", { entries: chain.entries }) : t("broken", { seq: chain.brokenAt, reason: t(`brokenReasons.${chain.reason}`) })}
        </p>
      )}
      {page && page.entries.length === 0 && <p>{t("empty")}</p>}
      {page && page.entries.length > 0 && (
        <TableScroll label={t("title")}>
          <table data-testid="audit-entries">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("person")}</th>
                <th scope="col">{t("details")}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>{e.seq ?? <span className="muted">{t("seal.waiting")}</span>}</td>
                  <td>{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td>
                    {describeActor(locale, e, names, "staff")}
                    {e.actorEmail && ` ${e.actorEmail}`}
                  </td>
                  <td>
                    {describeAction(locale, e, names, "staff")} <code className="muted">{e.action}</code>
                  </td>
                  <td>{e.personId ? <PersonCell personId={e.personId} label={people.get(e.personId)} href={query({ personId: e.personId })} t={t} /> : "—"}</td>
                  <td>
                    <code className="details">{e.details ? JSON.stringify(e.details) : ""}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {page?.nextBefore && (
        <nav className="pager" aria-label={t("title")}>
          <Link href={query({ before: String(page.nextBefore) })}>{t("older")}</Link>
        </nav>
      )}
    </>
  );
}

/** A person as staff recognise them: the name (or email), "erased person" once erased; the id filters by them. */
function PersonCell({ personId, label, href, t }: { personId: string; label: PersonLabel | undefined; href: string; t: Awaited<ReturnType<typeof getTranslations<"auditViewer">>> }) {
  const text = label?.kind === "named" ? label.name : label?.kind === "unnamed" && label.email ? label.email : label?.kind === "erased" ? t("erasedPerson") : t("unknownPerson");
  return (
    <Link href={href} title={personId} aria-label={t("personFilter", { person: text })} data-person-label={label?.kind ?? "unknown"}>
      {text}
    </Link>
  );
}
