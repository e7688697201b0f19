"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { TextField } from "@/components/form/text-field";
import { personViewSchema, viewReasons, type PersonViewInput } from "@/lib/persons/schemas";
import { openPersonAction } from "./actions";

/** Asks why the record is opened before anything of it shows; the answer goes to the audit trail. */
export function ReasonForm({ personId }: { personId: string }) {
  const t = useTranslations("person360");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<PersonViewInput>({ resolver: zodResolver(personViewSchema, undefined, { raw: true }), defaultValues: { reasonCode: undefined, note: "" } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await openPersonAction(personId, values);
      if (applyActionErrors(result, form.setError)) return;
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate data-testid="reason-form">
      {errors.root && (
        <p className="form-error" role="alert">
          {t("errors.failed")}
        </p>
      )}
      <fieldset aria-describedby={errors.reasonCode ? "reason-error" : undefined}>
        <legend>{t("reasonLegend")}</legend>
        {viewReasons.map((code) => (
          <div key={code} className="checkbox-field">
            <input id={`reason-${code}`} type="radio" value={code} {...form.register("reasonCode")} />
            <label htmlFor={`reason-${code}`}>{t(`reasons.${code}`)}</label>
          </div>
        ))}
        {errors.reasonCode && (
          <p id="reason-error" className="field-error" role="alert">
            {t("errors.reasonRequired")}
          </p>
        )}
      </fieldset>
      <TextField id="note" label={t("noteLabel")} hint={t("noteHint")} error={errors.note?.message ? t(`errors.${errors.note.message}` as "errors.noteRequired") : undefined} registration={form.register("note")} />
      <p className="actions">
        <button type="submit" disabled={pending}>
          {t("open")}
        </button>
      </p>
    </form>
  );
}
