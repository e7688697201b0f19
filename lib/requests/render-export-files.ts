// The files of "Download my data": data.json (everything, machine-readable: GDPR Art. 20), one
// CSV per table, index.html that a browser shows without any other tool (render-export-index.ts),
// and a README.
import type { PersonData } from "./collect-person-data";
import { csvField, defusedCsvField } from "../csv/csv-field";
import { toCsv } from "../csv/to-csv";
import { defaultLocale, isLocale } from "../i18n/locales";
import { renderExportIndex, type ExportView } from "./render-export-index";

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

/** The export's files by name, as text; index.html is written for the person as `view` says. */
export function renderExportFiles(data: PersonData, strings: ExportFileStrings, view?: ExportView): Record<string, string> {
  const tables = tablesOf(data);
  const files: Record<string, string> = {
    "README.txt": readme(tables, strings),
    "index.html": renderExportIndex(data, view ?? { locale: isLocale(strings.lang) ? strings.lang : defaultLocale }),
    "data.json": `${JSON.stringify(data, null, 2)}\n`,
  };
  for (const t of tables) files[`csv/${t.file}`] = toCsv(t.columns, t.rows, csvEncoderFor(t, data));
  return files;
}
