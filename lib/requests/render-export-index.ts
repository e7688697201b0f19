// The export's index.html: the person's data written for the person to read in a browser, in
// their language. Labels instead of field names, words instead of enum values, local times,
// money as money; no database ids, hashes or JSON (data.json and the CSVs keep those for machines).
import { describeAuditEntry } from "../i18n/describe-audit-entry";
import { noNames, type DescribeNames } from "../i18n/describe-names";
import { describeSource } from "../i18n/describe-source";
import { countryName } from "../i18n/country-options";
import { formatCalendarDate, formatDateTime, intlLocale } from "../i18n/format-date";
import { isLocale, type Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";
import type { PersonData } from "./collect-person-data";

/** How the page is written: the reader's language, the names of systems and purposes, the time zone. */
export interface ExportView {
  locale: Locale;
  names?: DescribeNames;
  timeZone?: string;
}

type Cell = string | null | undefined;
interface Section { key: string; heading: string; columns: string[]; rows: Cell[][] }

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** An amount in minor units as money: 18240 EUR is "182,40 €" in Finnish. */
function money(amountMinor: number | null, currency: string | null, locale: Locale): string | null {
  if (amountMinor === null || !currency) return null;
  try {
    const format = new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency });
    return format.format(amountMinor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return null; // an unknown currency code: the amount stays in data.json
  }
}

function sectionsOf(data: PersonData, { locale, names = noNames, timeZone = "Europe/Helsinki" }: ExportView): Section[] {
  const t = translatorFor(locale, "describe");
  const file = translatorFor(locale, "dataExport");
  const profile = translatorFor(locale, "profile");
  const consents = translatorFor(locale, "consents");
  const requests = translatorFor(locale, "requests");
  const col = (key: Parameters<typeof t>[0] & `export.columns.${string}`) => t(key);
  const when = (d: Date | null | undefined) => (d ? formatDateTime(d, locale, timeZone) : null);
  const day = (d: Date | null | undefined) => (d ? formatDateTime(d, locale, timeZone, { dateStyle: "medium" }) : null);
  const word = <T extends { has: (k: never) => boolean }>(tr: T, key: string) => (tr.has(key as never) ? (tr as unknown as (k: string) => string)(key) : null);
  const field = (f: string) => word(profile, `fields.${f}`) ?? t("fallback.fields");
  const purpose = (key: string) => names.purposes.get(key) ?? t("fallback.purpose");
  const system = (key: string) => names.systems.get(key) ?? t("fallback.system");
  const requestType = (type: string) => word(requests, `types.${type}`) ?? t("fallback.requestType");
  const section = (key: string, columns: string[], rows: Cell[][]): Section => ({ key, heading: file(`file.sections.${key}` as "file.sections.person"), columns, rows });

  const p = data.person;
  const personRows: Cell[][] = [
    [field("givenName"), p.givenName], [field("familyName"), p.familyName], [field("email"), p.email],
    [t("export.person.emailVerifiedAt"), when(p.emailVerifiedAt)], [field("phone"), p.phone], [field("streetAddress"), p.streetAddress],
    [field("postalCode"), p.postalCode], [field("city"), p.city], [field("country"), countryName(p.country, locale)],
    [field("preferredLanguage"), isLocale(p.preferredLanguage) ? profile(`languages.${p.preferredLanguage}`) : null],
    [field("birthDate"), p.birthDate ? formatCalendarDate(p.birthDate, locale) : null],
    [t("export.person.restrictedAt"), when(p.restrictedAt)], [t("export.person.createdAt"), when(p.createdAt)], [t("export.person.updatedAt"), when(p.updatedAt)],
  ];
  const byRequest = new Map(data.requests.map((r) => [r.id, r.type]));
  return [
    section("person", [col("export.columns.field"), col("export.columns.details")], personRows.filter(([, v]) => v)),
    section("provenance", [col("export.columns.field"), col("export.columns.source"), col("export.columns.when")],
      data.provenance.map((r) => [field(r.field), describeSource(locale, r, names, "person"), when(r.changedAt)])),
    section("organisations", [col("export.columns.name"), col("export.columns.businessId"), col("export.columns.role"), col("export.columns.since")],
      data.organisations.map((o) => [o.name, o.businessId, o.role, day(o.since)])),
    section("externalIdentities", [col("export.columns.system"), col("export.columns.externalId"), col("export.columns.since")],
      data.externalIdentities.map((e) => [system(e.system), e.externalId, day(e.linkedAt)])),
    section("interactions", [col("export.columns.when"), col("export.columns.kind"), col("export.columns.summary"), col("export.columns.amount"), col("export.columns.system")],
      data.interactions.map((i) => [when(i.occurredAt), word(profile, `kinds.${i.kind}`) ?? t("fallback.kind"), i.summary, money(i.amountMinor, i.currency, locale), system(i.system)])),
    section("consents", [col("export.columns.purpose"), col("export.columns.status"), col("export.columns.source"), col("export.columns.since")],
      data.consents.current.map((c) => [purpose(c.purposeKey), word(consents, `status.${c.status}`), word(consents, `sources.${c.source}`), when(c.updatedAt)])),
    section("consentEvents", [col("export.columns.when"), col("export.columns.purpose"), col("export.columns.status"), col("export.columns.source"), col("export.columns.version")],
      data.consents.events.map((e) => [when(e.occurredAt), purpose(e.purposeKey), word(consents, `status.${e.status}`), word(consents, `sources.${e.source}`), String(e.version)])),
    section("requests", [col("export.columns.request"), col("export.columns.channel"), col("export.columns.status"), col("export.columns.received"), col("export.columns.due"), col("export.columns.closed"), col("export.columns.details")],
      data.requests.map((r) => [
        requestType(r.type), word(requests, `channels.${r.channel}`), word(requests, `statuses.${r.status}`), when(r.receivedAt),
        r.extendedDueAt ? `${day(r.dueAt)}, ${t("export.extendedTo", { date: day(r.extendedDueAt)! })}` : day(r.dueAt), when(r.closedAt),
        [r.description, r.extensionReason && t("export.extensionReason", { reason: r.extensionReason }), r.decisionReason && t("export.decisionReason", { reason: r.decisionReason })].filter(Boolean).join("\n"),
      ])),
    section("requestTimeline", [col("export.columns.when"), col("export.columns.request"), col("export.columns.step"), col("export.columns.details")],
      data.requests.flatMap((r) => r.timeline.map((s) => [when(s.at), requestType(byRequest.get(r.id) ?? ""), word(requests, `steps.${s.kind}`) ?? word(requests, `statuses.${s.status}`), s.note]))),
    section("auditEntries", [col("export.columns.when"), col("export.columns.who"), col("export.columns.what")],
      data.auditEntries.map((e) => {
        const words = describeAuditEntry(locale, e, names, "person");
        return [when(e.at), words.who, words.reason ? `${words.what}\n${words.reason}` : words.what];
      })),
  ];
}

const cell = (value: Cell) => escapeHtml(value ?? "").replaceAll("\n", "<br>");

function sectionHtml(s: Section, empty: string): string {
  const heading = `<h2 id="${s.key}">${escapeHtml(s.heading)}</h2>`;
  if (s.rows.length === 0) return `${heading}<p>${escapeHtml(empty)}</p>`;
  const head = s.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("");
  const body = s.rows.map((r) => `<tr>${r.map((v, i) => (i === 0 && s.key === "person" ? `<th scope="row">${cell(v)}</th>` : `<td>${cell(v)}</td>`)).join("")}</tr>`).join("");
  return `${heading}<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The whole page: title, what it is, when it was made, a contents list and one section per kind of data. */
export function renderExportIndex(data: PersonData, view: ExportView): string {
  const file = translatorFor(view.locale, "dataExport");
  const t = translatorFor(view.locale, "describe");
  const sections = sectionsOf(data, view);
  const nav = sections.map((s) => `<li><a href="#${s.key}">${escapeHtml(s.heading)}</a> (${s.rows.length})</li>`).join("");
  const generated = t("export.generated", { date: formatDateTime(data.generatedAt, view.locale, view.timeZone ?? "Europe/Helsinki", { dateStyle: "long", timeStyle: "short" }) });
  return `<!doctype html>
<html lang="${escapeHtml(view.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(file("file.title"))}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1f24; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; font-size: .9rem; }
th, td { text-align: left; border-bottom: 1px solid #d0d5dd; padding: .4rem; vertical-align: top; word-break: break-word; }
h2 { margin-top: 2rem; }
</style>
</head>
<body>
<h1>${escapeHtml(file("file.title"))}</h1>
<p>${escapeHtml(file("file.intro"))}</p>
<p>${escapeHtml(generated)} ${escapeHtml(t("export.timesNote"))}</p>
<nav><ul>${nav}</ul></nav>
${sections.map((s) => sectionHtml(s, file("file.empty"))).join("\n")}
</body>
</html>
`;
}
