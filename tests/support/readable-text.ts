// What a person must never read: an event key, an API scope's code, an unfilled {placeholder}, a
// UUID, an ISO timestamp or a raw enum value. Used on rendered words (activity rows, the 360 view's
// text, the export's index.html, the back-office's scopes and delivery log) in every language.
import * as enums from "../../lib/db/generated/enums";

// Enum values long enough not to be ordinary words or abbreviations ("API", "SMS", "FI").
const enumValues = new Set(
  Object.values(enums).flatMap((e) => (typeof e === "object" && e ? Object.values(e as Record<string, string>) : [])).filter((v) => typeof v === "string" && v.length > 3),
);

/** The visible text of an HTML page: no head, no tags, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/i, " ")
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&")
    .replace(/\s+/g, " ");
}

/** Every unreadable part of `text`, labelled; empty when a person can read all of it. */
export function unreadableParts(text: string): string[] {
  // E-mail addresses, web addresses and the export's own file names are meant to be read as they are.
  const cleaned = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\b[\w-]+\.(json|csv|html|txt)\b/g, " ");
  const found: string[] = [];
  for (const m of cleaned.matchAll(/\b[a-z]+[._][a-z_]+\b/g)) found.push(`key "${m[0]}"`);
  // An API scope's code ("persons:read:details"): words of three letters or more joined by colons.
  // (Swedish endings after a colon, "id:n", "API:et", are words.)
  for (const m of cleaned.matchAll(/\b[a-z]{3,}(:[a-z]{3,})+\b/g)) found.push(`scope "${m[0]}"`);
  for (const m of cleaned.matchAll(/\{[^}]*\}/g)) found.push(`placeholder "${m[0]}"`);
  for (const m of cleaned.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)) found.push(`uuid "${m[0]}"`);
  for (const m of cleaned.matchAll(/\b\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}\S*)?/g)) found.push(`iso time "${m[0]}"`);
  for (const m of cleaned.matchAll(/\b[A-Z][A-Z_]{3,}\b/g)) if (enumValues.has(m[0])) found.push(`enum "${m[0]}"`);
  return found;
}
