import type { getTranslations } from "next-intl/server";
import type { ImportMappingPresetView } from "@/lib/import/get-import-mapping-preset";
import { guessConsentColumns, guessMapping } from "@/lib/import/guess-mapping";
import { importFields, type ImportField, type ImportMapping } from "@/lib/import/schemas";
import type { Locale } from "@/lib/i18n/locales";

/** What a column can be imported as: "" (ignored), a field, or "consent:<purposeKey>"; labels in the reader's language. */
export interface MappingTarget {
  value: string;
  label: string;
  group: "person" | "organisation" | "consents";
}

const organisationFields: readonly ImportField[] = ["organisationName", "businessId", "organisationRole"];

/** A purpose that takes consents now, with its current texts ({ fi: { title }, … }). */
export interface PurposeTitles {
  key: string;
  texts: Partial<Record<string, { title?: string }>>;
}

export function mappingTargets(t: Awaited<ReturnType<typeof getTranslations<"importer">>>, purposes: PurposeTitles[], locale: Locale): MappingTarget[] {
  return [
    ...importFields.map((field) => ({ value: field, label: t(`fields.${field}`), group: organisationFields.includes(field) ? ("organisation" as const) : ("person" as const) })),
    ...purposes.map((p) => ({ value: `consent:${p.key}`, label: t("consentTarget", { title: p.texts[locale]?.title ?? p.texts.fi?.title ?? p.key }), group: "consents" as const })),
  ];
}

export interface InitialMapping {
  system: string;
  /** Per column of the file, in order: its target value ("" for not imported). */
  targets: string[];
  countryOverrides: Record<string, string>;
}

/**
 * The mapping the form starts from: this file's last run, else the source's saved mapping (columns
 * it does not name get their guess when that target is still free), else the guesses from the
 * header's names (fields in fi/sv/en, consent columns by the purpose's title).
 */
export function initialMapping({ columns, purposes, systems, last, preset }: {
  columns: string[];
  purposes: PurposeTitles[];
  systems: { key: string }[];
  last: { system: string; mapping: ImportMapping } | null;
  preset: ImportMappingPresetView | null;
}): InitialMapping {
  const chosen = last ?? preset;
  const purposeKeys = purposes.map((p) => p.key);
  const byColumn = new Map<string, string>();
  const take = (mapping: Pick<ImportMapping, "fields" | "consents">) => {
    const claimed = new Set(byColumn.values());
    for (const [field, column] of Object.entries(mapping.fields)) if (column && !byColumn.has(column) && !claimed.has(field)) byColumn.set(column, field);
    for (const [key, column] of Object.entries(mapping.consents)) if (purposeKeys.includes(key) && !byColumn.has(column) && !claimed.has(`consent:${key}`)) byColumn.set(column, `consent:${key}`);
  };
  if (chosen) take(chosen.mapping);
  const titles = purposes.map((p) => ({ key: p.key, titles: Object.values(p.texts).flatMap((text) => (text?.title ? [text.title] : [])) }));
  if (!last) take({ fields: guessMapping(columns), consents: guessConsentColumns(columns, titles) });
  return {
    system: chosen?.system ?? systems[0]?.key ?? "",
    targets: columns.map((c) => byColumn.get(c) ?? ""),
    countryOverrides: chosen?.mapping.values.country ?? {},
  };
}
