"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFormatter } from "@/lib/i18n/use-formatter";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { loadMappingPresetAction, startImportAction } from "../actions";
import { CountryValueMap, type ValueSets } from "./country-value-map";
import type { InitialMapping, MappingTarget } from "./initial-mapping";
import { errorPlace, mappingFormSchema, toImportMapping, type MappingFormValues } from "./mapping-form-schema";

const groups = ["person", "organisation", "consents"] as const;

/** Per column of the file, what it is imported as (samples beside it); the source, the country value map, keepValidRows; then a dry run or the import. */
export function MappingForm({ fileId, runnable, columns, samplesNote, targets, systems, countries, valueSets, initial, note }: {
  fileId: string;
  /** False once the stored file is gone (its import ended): nothing can run over it again. */
  runnable: boolean;
  columns: { name: string; samples: string[] }[];
  samplesNote: string;
  targets: MappingTarget[];
  systems: { key: string; name: string }[];
  countries: { code: string; name: string }[];
  valueSets: ValueSets;
  initial: InitialMapping;
  note: string;
}) {
  const t = useTranslations("importer");
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState(note);
  const names = columns.map((c) => c.name);
  const codesFor = (overrides: Record<string, string>) => names.map((name) => (valueSets[name] ?? []).map(({ value, resolved }) => overrides[value] ?? resolved ?? ""));
  const form = useForm<MappingFormValues>({
    resolver: zodResolver(mappingFormSchema),
    defaultValues: { system: initial.system, targets: initial.targets, countryCodes: codesFor(initial.countryOverrides), keepValidRows: false },
  });
  const { errors } = form.formState;
  const chosen = useWatch({ control: form.control, name: "targets" });
  const countryColumn = chosen.indexOf("country");
  const text = (key?: string) => (key ? (t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.failed") : t("errors.failed")) : undefined);

  const start = (dryRun: boolean) =>
    form.handleSubmit((values) =>
      startTransition(async () => {
        const result = await startImportAction({ fileId, dryRun, system: values.system, keepValidRows: values.keepValidRows, mapping: toImportMapping(names, values, valueSets) });
        if (result.ok) return router.push(`/admin/import/jobs/${result.data.jobId}`);
        let placed = false;
        for (const [path, key] of Object.entries(result.fields ?? {})) {
          const place = errorPlace(path, values.targets);
          if (place === "form") continue;
          form.setError(place === "system" ? "system" : `targets.${place.column}`, { message: key });
          placed = true;
        }
        if (!placed) form.setError("root", { message: Object.values(result.fields ?? {})[0] ?? result.message });
      }),
    )();

  // A saved mapping for the newly chosen source replaces the current choices.
  const changeSystem = (system: string) =>
    startTransition(async () => {
      const result = await loadMappingPresetAction(fileId, system);
      if (!result.ok || !result.data) return;
      form.setValue("targets", result.data.targets);
      form.setValue("countryCodes", codesFor(result.data.countryOverrides));
      const name = systems.find((s) => s.key === system)?.name ?? system;
      setNotice(t("presetUsed", { system: name, date: format.dateTime(new Date(result.data.updatedAt), { dateStyle: "medium" }), kept: result.data.kept, saved: result.data.saved }));
    });

  const systemField = form.register("system", { onChange: (e) => changeSystem(e.target.value) });
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate data-testid="mapping-form">
      <p role="status" data-testid="mapping-note">{notice}</p>
      {errors.root?.message && (
        <p className="form-error" role="alert">
          {text(errors.root.message)}
        </p>
      )}
      <div className="field">
        <label htmlFor="system">{t("system")}</label>
        <p id="system-hint" className="muted">
          {t("systemPickHint")}
        </p>
        {systems.length === 0 && (
          <p className="form-error">
            {t("noSystems")} <Link href="/admin/systems">{t("systemsLink")}</Link>
          </p>
        )}
        <select id="system" {...systemField} aria-describedby={errors.system ? "system-hint system-error" : "system-hint"} aria-invalid={errors.system ? "true" : "false"}>
          {systems.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name} ({s.key})
            </option>
          ))}
        </select>
        {errors.system?.message && (
          <p id="system-error" className="field-error" role="alert">
            {text(errors.system.message)}
          </p>
        )}
      </div>
      <fieldset>
        <legend>{t("columnsTitle")}</legend>
        <p className="muted">{t("columnsHint")}</p>
        <p className="muted">{samplesNote}</p>
        {columns.map((column, i) => {
          const error = errors.targets?.[i]?.message;
          return (
            <div className="field" key={column.name} data-column={column.name}>
              <label htmlFor={`target-${i}`}>{t("targetLabel", { column: column.name })}</label>
              <p id={`target-${i}-samples`} className="muted" data-testid="column-samples" style={{ overflowWrap: "anywhere" }}>
                {t("samplesHeading")}: {column.samples.length ? column.samples.join(" · ") : t("noSamples")}
              </p>
              <select id={`target-${i}`} {...form.register(`targets.${i}`)} aria-invalid={error ? "true" : "false"} aria-describedby={error ? `target-${i}-samples target-${i}-error` : `target-${i}-samples`}>
                <option value="">{t("notMapped")}</option>
                {groups.map((group) => {
                  const options = targets.filter((target) => target.group === group);
                  if (options.length === 0) return null;
                  return (
                    <optgroup key={group} label={t(`group${group[0]!.toUpperCase()}${group.slice(1)}` as "groupPerson")}>
                      {options.map((target) => (
                        <option key={target.value} value={target.value}>
                          {target.label}
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
              </select>
              {error && (
                <p id={`target-${i}-error`} className="field-error" role="alert">
                  {text(error)}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      {countryColumn >= 0 && <CountryValueMap key={countryColumn} column={names[countryColumn]!} index={countryColumn} values={valueSets[names[countryColumn]!]} countries={countries} register={form.register} />}
      <div className="checkbox-field">
        <input id="keep-valid-rows" type="checkbox" {...form.register("keepValidRows")} aria-describedby="keep-valid-rows-hint" />
        <label htmlFor="keep-valid-rows">{t("keepValidRows")}</label>
      </div>
      <p id="keep-valid-rows-hint" className="muted">
        {t("keepValidRowsHint")}
      </p>
      <p className="actions">
        <button type="button" className="secondary" disabled={pending || !runnable || systems.length === 0} onClick={() => start(true)}>
          {t("dryRunButton")}
        </button>
        <button type="button" disabled={pending || !runnable || systems.length === 0} onClick={() => start(false)}>
          {t("importButton")}
        </button>
      </p>
    </form>
  );
}
