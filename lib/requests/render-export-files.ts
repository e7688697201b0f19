// The files of "Download my data": data.json (everything, machine-readable: GDPR Art. 20), one
// CSV per table, index.html that a browser shows without any other tool, and a README.
import type { PersonData } from "./collect-person-data";
import { csvField, defusedCsvField } from "../csv/csv-field";
import { toCsv } from "../csv/to-csv";

/** The translated words of the files, from the dataExport.file messages. */
export interface ExportFileStrings {
  lang: string;
  title: string;
  intro: string;
  generated: string;
  empty: string;
  field: string;
  value: string;
  readme: string;
  sections: Record<SectionKey, string>;
  files: Record<string, string>;
}

type SectionKey = "person" | "provenance" | "organisations" | "externalIdentities" | "interactions" | "consents" | "consentEvents" | "requests" | "requestTimeline" | "auditEntries";
type Row = Record<string, unknown>;
interface Table { key: SectionKey; file: string; columns: string[]; rows: Row[] }

function tablesOf(data: PersonData): Table[] {
  const timeline = data.requests.flatMap((r) => r.timeline.map((s) => ({ requestId: r.id, ...s })));
  return [
    { key: "person", file: "person.csv", columns: Object.keys(data.person), rows: [data.person] },
    { key: "provenance", file: "provenance.csv", columns: ["field", "source", "system", "changedAt"], rows: data.provenance },
    { key: "organisations", file: "organisations.csv", columns: ["organizationId", "name", "businessId", "role", "since"], rows: data.organisations },
    { key: "externalIdentities", file: "external_identities.csv", columns: ["system", "externalId", "linkedAt"], rows: data.externalIdentities },
    { key: "interactions", file: "interactions.csv", columns: ["id", "system", "externalId", "kind", "occurredAt", "summary", "amountMinor", "currency"], rows: data.interactions },
    { key: "consents", file: "consents.csv", columns: ["purposeKey", "status", "version", "source", "updatedAt"], rows: data.consents.current },
    { key: "consentEvents", file: "consent_events.csv", columns: ["id", "purposeKey", "version", "status", "source", "occurredAt", "locale", "userAgent", "textHash", "receiptJws"], rows: data.consents.events },
    { key: "requests", file: "requests.csv", columns: ["id", "type", "channel", "status", "description", "receivedAt", "dueAt", "extendedDueAt", "extensionReason", "decisionReason", "closedAt"], rows: data.requests },
    { key: "requestTimeline", file: "request_timeline.csv", columns: ["requestId", "at", "kind", "status", "note"], rows: timeline },
    { key: "auditEntries", file: "audit_entries.csv", columns: ["seq", "at", "actorKind", "action", "target", "details"], rows: data.auditEntries },
  ];
}

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const show = (value: unknown) => {
  if (value === null || value === undefined || value === "") return "";
  if (value instanceof Date) return value.toISOString().replace("T", " ").slice(0, 19) + " UTC";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
};

function htmlTable(table: Table, s: ExportFileStrings): string {
  const heading = `<h2 id="${table.key}">${escapeHtml(s.sections[table.key])}</h2>`;
  if (table.rows.length === 0) return `${heading}<p>${escapeHtml(s.empty)}</p>`;
  if (table.key === "person") {
    const rows = table.columns.map((c) => `<tr><th scope="row">${escapeHtml(c)}</th><td>${escapeHtml(show(table.rows[0]![c]))}</td></tr>`).join("");
    return `${heading}<table><thead><tr><th scope="col">${escapeHtml(s.field)}</th><th scope="col">${escapeHtml(s.value)}</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
  const columns = table.columns.filter((c) => c !== "receiptJws");
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("");
  const body = table.rows.map((r) => `<tr>${columns.map((c) => `<td>${escapeHtml(show(r[c]))}</td>`).join("")}</tr>`).join("");
  return `${heading}<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function indexHtml(tables: Table[], data: PersonData, s: ExportFileStrings): string {
  const nav = tables.map((t) => `<li><a href="#${t.key}">${escapeHtml(s.sections[t.key])}</a> (${t.rows.length})</li>`).join("");
  return `<!doctype html>
<html lang="${escapeHtml(s.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.title)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1f24; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; font-size: .9rem; }
th, td { text-align: left; border-bottom: 1px solid #d0d5dd; padding: .4rem; vertical-align: top; word-break: break-word; }
h2 { margin-top: 2rem; }
</style>
</head>
<body>
<h1>${escapeHtml(s.title)}</h1>
<p>${escapeHtml(s.intro)}</p>
<p>${escapeHtml(s.generated)}: ${escapeHtml(show(data.generatedAt))}</p>
<nav><ul>${nav}</ul></nav>
${tables.map((t) => htmlTable(t, s)).join("\n")}
</body>
</html>
`;
}

function readme(tables: Table[], s: ExportFileStrings): string {
  const lines = [s.title, "=".repeat(s.title.length), "", s.readme, ""];
  for (const [name, text] of Object.entries(s.files)) lines.push(`${name}`, `  ${text}`, "");
  for (const t of tables) lines.push(`${t.file}`, `  ${s.sections[t.key]}`, "");
  return lines.join("\n");
}

/**
 * A CSV encoder that keeps what the person typed themselves as it is (a phone number stays
 * "+358…") and defuses formulas in text anyone else wrote: staff, imports and connected systems
 * can put "=HYPERLINK(…)" into a profile field, an interaction or an organisation's name, and the
 * person would open it in a spreadsheet. A profile field counts as the person's only when its
 * latest change came from them; a request's description only when they sent it in the portal.
 */
function csvEncoderFor(table: Table, data: PersonData): (value: unknown, column: string, row: Row) => string {
  const lastSource = new Map(data.provenance.map((p) => [p.field, p.source] as const)); // oldest first: the last wins
  const typedByPerson = (column: string, row: Row) =>
    (table.key === "person" && lastSource.get(column) === "PERSON") || (table.key === "requests" && column === "description" && row.channel === "PORTAL");
  return (value, column, row) => (typeof value === "string" && !typedByPerson(column, row) ? defusedCsvField(value) : csvField(value));
}

/** The export's files by name, as text. */
export function renderExportFiles(data: PersonData, strings: ExportFileStrings): Record<string, string> {
  const tables = tablesOf(data);
  const files: Record<string, string> = {
    "README.txt": readme(tables, strings),
    "index.html": indexHtml(tables, data, strings),
    "data.json": `${JSON.stringify(data, null, 2)}\n`,
  };
  for (const t of tables) files[`csv/${t.file}`] = toCsv(t.columns, t.rows, csvEncoderFor(t, data));
  return files;
}
