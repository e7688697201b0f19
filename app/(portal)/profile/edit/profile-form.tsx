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
import { profileCorrectionSchema, type ProfileCorrectionInput } from "@/lib/persons/schemas";
import { correctProfileAction } from "./actions";

export function ProfileForm({ defaults, countries }: { defaults: ProfileCorrectionInput; countries: { code: string; name: string }[] }) {
  const t = useTranslations("profileForm");
  const fields = useTranslations("profile.fields");
  const languages = useTranslations("profile.languages");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<ProfileCorrectionInput>({ resolver: zodResolver(profileCorrectionSchema, undefined, { raw: true }), defaultValues: defaults, mode: "onBlur" });
  const { errors } = form.formState;
  const message = (key?: string) => (key ? t(`errors.${key}` as "errors.tooLong") : undefined);

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await correctProfileAction(values);
      if (applyActionErrors(result, form.setError)) return;
      if (result.ok) router.push(`/profile?saved=${result.data.changedFields.length > 0 ? 1 : 0}`);
    }),
  );

  const text = (name: "givenName" | "familyName" | "streetAddress" | "postalCode" | "city", autoComplete: string) => (
    <TextField id={name} label={fields(name)} autoComplete={autoComplete} error={message(errors[name]?.message)} registration={form.register(name)} />
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      {errors.root?.message && (
        <p className="form-error" role="alert">
          {t("failed")}
        </p>
      )}
      {text("givenName", "given-name")}
      {text("familyName", "family-name")}
      <TextField id="phone" type="tel" label={fields("phone")} hint={t("phoneHint")} autoComplete="tel" error={message(errors.phone?.message)} registration={form.register("phone")} />
      {text("streetAddress", "street-address")}
      {text("postalCode", "postal-code")}
      {text("city", "address-level2")}
      <SelectField
        id="country"
        label={fields("country")}
        autoComplete="country"
        options={[{ value: "", label: t("countryNone") }, ...countries.map((c) => ({ value: c.code, label: c.name }))]}
        error={message(errors.country?.message)}
        registration={form.register("country")}
      />
      <SelectField id="preferredLanguage" label={fields("preferredLanguage")} options={locales.map((code) => ({ value: code, label: languages(code) }))} registration={form.register("preferredLanguage")} />
      <TextField id="birthDate" label={fields("birthDate")} hint={t("birthDateHint")} autoComplete="bday" error={message(errors.birthDate?.message)} registration={form.register("birthDate")} />
      <p className="actions">
        <button type="submit" disabled={pending}>
          {t("save")}
        </button>
        <Link href="/profile">{t("cancel")}</Link>
      </p>
    </form>
  );
}
