import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";
import type { ExportFileStrings } from "./render-export-files";

const sectionKeys = ["person", "provenance", "organisations", "externalIdentities", "interactions", "consents", "consentEvents", "requests", "requestTimeline", "auditEntries"] as const;

/** The export files' words in the person's language. */
export function exportFileStrings(locale: Locale): ExportFileStrings {
  const t = translatorFor(locale, "dataExport");
  return {
    lang: locale,
    title: t("file.title"),
    intro: t("file.intro"),
    generated: t("file.generated"),
    empty: t("file.empty"),
    field: t("file.field"),
    value: t("file.value"),
    readme: t("file.readme"),
    sections: Object.fromEntries(sectionKeys.map((k) => [k, t(`file.sections.${k}`)])) as ExportFileStrings["sections"],
    files: { "index.html": t("file.files.index"), "data.json": t("file.files.json"), "csv/": t("file.files.csv") },
  };
}
