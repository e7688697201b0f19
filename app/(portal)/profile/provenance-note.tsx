import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { loadDescribeNames } from "@/lib/i18n/describe-names";
import { describeSource } from "@/lib/i18n/describe-source";
import type { Locale } from "@/lib/i18n/locales";
import type { Provenance } from "@/lib/persons/get-profile";

/** Systems' names and purposes' titles, read once per page however many fields and rows show them. */
export const namesFor = cache((locale: Locale) => loadDescribeNames(locale));

/** "Source: you, 26 Nov 2026" or "Source: the system Web shop, …" under a field. */
export async function ProvenanceNote({ provenance }: { provenance?: Provenance }) {
  const t = await getTranslations("profile");
  const format = await getFormatter();
  if (!provenance) return <span className="muted provenance">{t("provenanceUnknown")}</span>;
  const locale = (await getLocale()) as Locale;
  const source = describeSource(locale, provenance, await namesFor(locale), "person");
  return <span className="muted provenance">{t("provenance", { source, date: format.dateTime(provenance.changedAt, { dateStyle: "medium" }) })}</span>;
}
