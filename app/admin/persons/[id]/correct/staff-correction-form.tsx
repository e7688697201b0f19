"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { locales } from "@/lib/i18n/locales";
import { staffCorrectionFormSchema, type StaffCorrectionFormInput } from "@/lib/persons/schemas";
import { correctPersonAction } from "../actions";

type TextName = "givenName" | "familyName" | "phone" | "streetAddress" | "postalCode" | "city" | "birthDate";

/** The profile fields a support agent may correct, and why. */
export function StaffCorrectionForm({ personId, defaults, countries }: { personId: string; defaults: StaffCorrectionFormInput; countries: { code: string; name: string }[] }) {
  const t = useTranslations("person360");
  const errorsT = useTranslations("profileForm.errors");
  const fields = useTranslations("profile.fields");
  const languages = useTranslations("profile.languages");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<StaffCorrectionFormInput>({ resolver: zodResolver(staffCorrectionFormSchema, undefined, { raw: true }), defaultValues: defaults, mode: "onBlur" });
  const { errors } = form.formState;
  const message = (key?: string) => (key ? (errorsT.has(key) ? errorsT(key as "tooLong") : t(`errors.${key}` as "errors.reasonRequired")) : undefined);
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await correctPersonAction(personId, values);
      if (applyActionErrors(result, form.setError)) return;
      router.push(`/admin/persons/${personId}`);
      router.refresh();
    }),
  );
  const text = (name: TextName, type = "text") => <TextField id={name} type={type} label={fields(name)} error={message(errors[name]?.message)} registration={form.register(name)} />;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="staff-correction-form">
      {errors.root && (
        <p className="form-error" role="alert">
          {/* "viewFirst", "personErased", "forbidden"…: the domain's reason, else the generic one. */}
          {t.has(`errors.${errors.root.message}`) ? t(`errors.${errors.root.message}` as "errors.failed") : t("errors.failed")}
        </p>
      )}
      {text("givenName")}
      {text("familyName")}
      {text("phone", "tel")}
      {text("streetAddress")}
      {text("postalCode")}
      {text("city")}
      <SelectField
        id="country"
        label={fields("country")}
        options={[{ value: "", label: "—" }, ...countries.map((c) => ({ value: c.code, label: c.name }))]}
        error={message(errors.country?.message)}
        registration={form.register("country")}
      />
      <SelectField id="preferredLanguage" label={fields("preferredLanguage")} options={locales.map((code) => ({ value: code, label: languages(code) }))} registration={form.register("preferredLanguage")} />
      {text("birthDate")}
      <TextField id="reason" label={t("correctionReason")} hint={t("correctionReasonHint")} error={message(errors.reason?.message)} registration={form.register("reason")} />
      <p className="actions">
        <button type="submit" disabled={pending}>
          {t("save")}
        </button>
        <Link href={`/admin/persons/${personId}`}>{t("cancel")}</Link>
      </p>
    </form>
  );
}
