import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { countryOptions } from "@/lib/i18n/country-options";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { getImportFile } from "@/lib/import/get-import-file";
import { getImportMappingPreset } from "@/lib/import/get-import-mapping-preset";
import { previewImportFile } from "@/lib/import/preview-import-file";
import { resolveCountry } from "@/lib/import/resolve-country";
import { importMappingSchema } from "@/lib/import/schemas";
import { initialMapping, mappingTargets } from "./initial-mapping";
import { MappingForm } from "./mapping-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importer"))("mappingTitle") };
}

/**
 * The uploaded file as it was read (delimiter, encoding, header, sample values) and its column
 * mapping: this file's last run, else the mapping saved for its source, else guesses. ADMIN only.
 */
export default async function ImportFilePage({ params }: { params: Promise<{ fileId: string }> }) {
  const user = await requireStaff("ADMIN");
  const actor = await actorFor(user, "STAFF");
  const { fileId } = await params;
  const notFoundOr = (error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  };
  const file = await getImportFile({ actor, fileId }).catch(notFoundOr);
  const preview = await previewImportFile({ actor, fileId }).catch(notFoundOr);
  const t = await getTranslations("importer");
  const format = await getFormatter();
  const locale = await getLocale();
  const last = file.jobs[0];
  const lastMapping = last ? importMappingSchema.safeParse(last.mapping) : null;
  const preset = lastMapping?.success ? null : await getImportMappingPreset({ actor, columns: file.columns });
  const initial = initialMapping({ columns: file.columns, purposes: file.purposeTitles, systems: file.systems, last: lastMapping?.success ? { system: last!.system, mapping: lastMapping.data } : null, preset });
  const note = lastMapping?.success
    ? t("lastRunUsed")
    : preset
      ? t("presetUsed", { system: file.systems.find((s) => s.key === preset.system)?.name ?? preset.system, date: format.dateTime(preset.updatedAt, { dateStyle: "medium" }), kept: preset.kept, saved: preset.saved })
      : t("guessUsed");
  const delimiter = ({ ",": "comma", ";": "semicolon", "\t": "tab" } as const)[file.delimiter as "," | ";" | "\t"] ?? "other";
  const encoding = file.encoding === "windows-1252" ? "windows-1252" : "utf-8";
  const valueSets = Object.fromEntries(Object.entries(preview.valueSets).map(([column, values]) => [column, values.map((value) => ({ value, resolved: resolveCountry(value) }))]));
  return (
    <>
      <h1>{t("mappingTitle")}</h1>
      <p className="muted">{t("mappingIntro", { file: file.fileName, columns: file.columns.length })}</p>
      <p data-testid="file-detected">{t("detected", { delimiter: t(`delimiters.${delimiter}`, { delimiter: file.delimiter }), encoding: t(`encodings.${encoding}`), columns: file.columns.length })}</p>
      {file.jobs.length > 0 && (
        <ul className="card">
          {file.jobs.map((j) => (
            <li key={j.id}>
              <Link href={`/admin/import/jobs/${j.id}`}>{j.dryRun ? t("dryRun") : t("realRun")}</Link>: {t(`statuses.${j.status}`)} — {t("rowsSummary", { rows: j.processedRows, errors: j.errorRows })}
            </li>
          ))}
        </ul>
      )}
      <div className="card">
        <MappingForm
          fileId={file.id}
          runnable={preview.available}
          columns={file.columns.map((name) => ({ name, samples: preview.samples[name] ?? [] }))}
          samplesNote={preview.available ? t("samplesRead", { rows: format.number(preview.rowsRead) }) : t("samplesGone")}
          targets={mappingTargets(t, file.purposeTitles, isLocale(locale) ? locale : defaultLocale)}
          systems={file.systems}
          countries={countryOptions(isLocale(locale) ? locale : defaultLocale)}
          valueSets={valueSets}
          initial={initial}
          note={note}
        />
      </div>
    </>
  );
}
