import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import type { Provenance } from "@/lib/persons/get-profile";

/** "Source: you, 26.11.2026" under a field. */
export async function ProvenanceNote({ provenance }: { provenance?: Provenance }) {
  const t = await getTranslations("profile");
  const format = await getFormatter();
  if (!provenance) return <span className="muted provenance">{t("provenanceUnknown")}</span>;
  const source = t(`sources.${provenance.source}`, { system: provenance.system ?? "" });
  return <span className="muted provenance">{t("provenance", { source, date: format.dateTime(provenance.changedAt, { dateStyle: "medium" }) })}</span>;
}
