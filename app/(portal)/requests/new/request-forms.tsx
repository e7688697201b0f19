"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm, type FieldValues, type UseFormReturn } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import type { ActionResult } from "@/lib/action-result";
import { objectionSchema, rectificationSchema, restrictionSchema, type ObjectionInput, type RectificationInput, type RestrictionInput } from "@/lib/requests/schemas";
import { requestObjectionAction, requestRectificationAction, requestRestrictionAction } from "../actions";

const knownErrors = ["descriptionTooShort", "tooLong", "choosePurpose", "organisationNotFound", "personNotFound", "personErased"] as const;
type ErrorKey = (typeof knownErrors)[number] | "failed";

function useErrorText() {
  const t = useTranslations("requests");
  return (key?: string) => (key ? t(`errors.${((knownErrors as readonly string[]).includes(key) ? key : "failed") as ErrorKey}`) : undefined);
}

/** Submits through an action, maps errors onto the form, and opens "My requests" on success. */
function useSubmit<T extends FieldValues>(form: UseFormReturn<T>, action: (values: T) => Promise<ActionResult<unknown>>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await action(values);
      if (!applyActionErrors(result, form.setError)) router.push("/requests?sent=1");
    }),
  );
  return { pending, onSubmit };
}

function Textarea({ id, label, error, registration }: { id: string; label: string; error?: string; registration: ReturnType<UseFormReturn<FieldValues>["register"]> }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={4} aria-invalid={error ? "true" : "false"} aria-describedby={error ? `${id}-error` : undefined} {...registration} />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function RectificationForm({ organisations }: { organisations: { id: string; name: string }[] }) {
  const t = useTranslations("requests");
  const text = useErrorText();
  const form = useForm<RectificationInput>({ resolver: zodResolver(rectificationSchema, undefined, { raw: true }), defaultValues: { description: "", organizationId: "" } });
  const { pending, onSubmit } = useSubmit(form, requestRectificationAction);
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate>
      {errors.root && <p className="form-error" role="alert">{text(errors.root.message)}</p>}
      {organisations.length > 0 && (
        <div className="field">
          <label htmlFor="rectification-organisation">{t("rectification.organisation")}</label>
          <select id="rectification-organisation" {...form.register("organizationId")}>
            <option value="">{t("rectification.noOrganisation")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <Textarea id="rectification-description" label={t("rectification.description")} error={text(errors.description?.message)} registration={form.register("description")} />
      <button type="submit" disabled={pending}>
        {t("rectification.submit")}
      </button>
    </form>
  );
}

export function RestrictionForm() {
  const t = useTranslations("requests");
  const text = useErrorText();
  const form = useForm<RestrictionInput>({ resolver: zodResolver(restrictionSchema, undefined, { raw: true }), defaultValues: { description: "" } });
  const { pending, onSubmit } = useSubmit(form, requestRestrictionAction);
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate>
      {errors.root && <p className="form-error" role="alert">{text(errors.root.message)}</p>}
      <Textarea id="restriction-description" label={t("restriction.description")} error={text(errors.description?.message)} registration={form.register("description")} />
      <button type="submit" disabled={pending}>
        {t("restriction.submit")}
      </button>
    </form>
  );
}

export function ObjectionForm({ purposes }: { purposes: { key: string; title: string }[] }) {
  const t = useTranslations("requests");
  const text = useErrorText();
  const form = useForm<ObjectionInput>({ resolver: zodResolver(objectionSchema, undefined, { raw: true }), defaultValues: { purposeKeys: [], description: "" } });
  const { pending, onSubmit } = useSubmit(form, requestObjectionAction);
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate>
      {errors.root && <p className="form-error" role="alert">{text(errors.root.message)}</p>}
      <fieldset className="field" aria-describedby={errors.purposeKeys ? "objection-purposes-error" : undefined}>
        <legend>{t("objection.purposes")}</legend>
        {purposes.map((p) => (
          <div key={p.key} className="checkbox-field">
            <input id={`objection-${p.key}`} type="checkbox" value={p.key} {...form.register("purposeKeys")} />
            <label htmlFor={`objection-${p.key}`}>{p.title}</label>
          </div>
        ))}
        {errors.purposeKeys && (
          <p id="objection-purposes-error" className="field-error" role="alert">
            {text(errors.purposeKeys.message ?? errors.purposeKeys.root?.message)}
          </p>
        )}
      </fieldset>
      <Textarea id="objection-description" label={t("objection.description")} error={text(errors.description?.message)} registration={form.register("description")} />
      <button type="submit" disabled={pending}>
        {t("objection.submit")}
      </button>
    </form>
  );
}
