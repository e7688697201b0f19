"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { importFields, type ImportField, type ImportMapping } from "@/lib/import/schemas";
import { startImportAction } from "../actions";

/** Which column holds which field and which purpose's consent; then a dry run or the import. */
export function MappingForm({ fileId, columns, purposeKeys, systems, initial }: {
  fileId: string;
  columns: string[];
  purposeKeys: string[];
  systems: { key: string; name: string }[];
  initial: { system: string; mapping: ImportMapping };
}) {
  const t = useTranslations("importer");
  const profileFields = useTranslations("profile.fields");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [system, setSystem] = useState(initial.system);
  const [fields, setFields] = useState<Partial<Record<ImportField, string>>>(initial.mapping.fields);
  const [consents, setConsents] = useState<Record<string, string>>(initial.mapping.consents);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const text = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.failed") : t("errors.failed"));
  const label = (field: ImportField) => (field === "externalId" ? t("externalId") : profileFields(field));

  const start = (dryRun: boolean) =>
    startTransition(async () => {
      setErrors({});
      setMessage(null);
      const mapping = {
        fields: Object.fromEntries(Object.entries(fields).filter(([, c]) => c)),
        consents: Object.fromEntries(Object.entries(consents).filter(([, c]) => c)),
      };
      const result = await startImportAction({ fileId, dryRun, system, mapping });
      if (result.ok) return router.push(`/admin/import/jobs/${result.data.jobId}`);
      setErrors(result.fields ?? {});
      setMessage(text(result.fields?.["mapping.fields"] ?? result.message));
    });

  const select = (id: string, value: string | undefined, onChange: (v: string) => void, labelText: string, error?: string) => (
    <div className="field" key={id}>
      <label htmlFor={id}>{labelText}</label>
      <select id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? "true" : "false"} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">{t("notMapped")}</option>
        {columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {text(error)}
        </p>
      )}
    </div>
  );

  return (
    <form onSubmit={(e) => e.preventDefault()} data-testid="mapping-form">
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <div className="field">
        <label htmlFor="system">{t("system")}</label>
        <p id="system-hint" className="muted">
          {t("systemHint")}
        </p>
        <input id="system" list="system-keys" value={system} onChange={(e) => setSystem(e.target.value)} aria-describedby={errors.system ? "system-hint system-error" : "system-hint"} aria-invalid={errors.system ? "true" : "false"} />
        <datalist id="system-keys">
          {systems.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </datalist>
        {errors.system && (
          <p id="system-error" className="field-error" role="alert">
            {text(errors.system)}
          </p>
        )}
      </div>
      <fieldset>
        <legend>{t("fieldsLegend")}</legend>
        <p className="muted">{t("fieldsHint")}</p>
        {importFields.map((field) => select(`map-${field}`, fields[field], (v) => setFields({ ...fields, [field]: v }), label(field), errors[`mapping.fields.${field}`]))}
      </fieldset>
      <fieldset>
        <legend>{t("consentsLegend")}</legend>
        <p className="muted">{t("consentsHint")}</p>
        {purposeKeys.length === 0 && <p className="muted">{t("noPurposes")}</p>}
        {purposeKeys.map((key) => select(`consent-${key}`, consents[key], (v) => setConsents({ ...consents, [key]: v }), key, errors[`mapping.consents.${key}`] ?? errors[`consents.${key}`]))}
      </fieldset>
      <p className="actions">
        <button type="button" className="secondary" disabled={pending} onClick={() => start(true)}>
          {t("dryRunButton")}
        </button>
        <button type="button" disabled={pending} onClick={() => start(false)}>
          {t("importButton")}
        </button>
      </p>
    </form>
  );
}
