"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { legalBases, purposeChannels, type PurposeTexts } from "@/lib/consents/schemas";
import { createPurposeAction } from "../actions";
import { TextsFields } from "../texts-fields";

type Values = {
  key: string;
  channel: (typeof purposeChannels)[number];
  legalBasis: (typeof legalBases)[number];
  isSaleOrSharing: boolean;
  requiresDoubleOptIn: boolean;
  piiCategories: string;
  sortOrder: number;
  texts: PurposeTexts;
};

const blank = { title: "", description: "" };

/** A new purpose: its rules and draft texts; the server validates (createPurposeSchema). */
export function PurposeForm() {
  const t = useTranslations("purposesAdmin");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values>({
    defaultValues: { key: "", channel: "EMAIL", legalBasis: "CONSENT", isSaleOrSharing: false, requiresDoubleOptIn: false, piiCategories: "email", sortOrder: 0, texts: { fi: blank, sv: blank, en: blank } },
  });
  const { errors } = form.formState;
  const message = (key?: string) => (key ? (t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.failed") : t("errors.invalidInput")) : undefined);
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await createPurposeAction(values);
      if (applyActionErrors(result, form.setError)) return;
      if (result.ok) router.push(`/admin/purposes/${result.data.purposeKey}`);
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate data-testid="purpose-form">
      {errors.root && (
        <p className="form-error" role="alert">
          {message(errors.root.message)}
        </p>
      )}
      <div className="field">
        <label htmlFor="key">{t("key")}</label>
        <p id="key-hint" className="muted">
          {t("keyHint")}
        </p>
        <input id="key" aria-invalid={errors.key ? "true" : "false"} aria-describedby={errors.key ? "key-hint key-error" : "key-hint"} {...form.register("key")} />
        {errors.key && (
          <p id="key-error" className="field-error" role="alert">
            {message(errors.key.message)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="channel">{t("channel")}</label>
        <select id="channel" {...form.register("channel")}>
          {purposeChannels.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="legalBasis">{t("legalBasis")}</label>
        <select id="legalBasis" {...form.register("legalBasis")}>
          {legalBases.map((b) => (
            <option key={b} value={b}>
              {t(`legalBases.${b}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox-field">
        <input id="isSaleOrSharing" type="checkbox" {...form.register("isSaleOrSharing")} />
        <label htmlFor="isSaleOrSharing">{t("isSaleOrSharing")}</label>
      </div>
      <div className="field checkbox-field">
        <input id="requiresDoubleOptIn" type="checkbox" aria-describedby={errors.requiresDoubleOptIn ? "doi-error" : undefined} {...form.register("requiresDoubleOptIn")} />
        <label htmlFor="requiresDoubleOptIn">{t("requiresDoubleOptIn")}</label>
      </div>
      {errors.requiresDoubleOptIn && (
        <p id="doi-error" className="field-error" role="alert">
          {message(errors.requiresDoubleOptIn.message)}
        </p>
      )}
      <div className="field">
        <label htmlFor="piiCategories">{t("piiCategories")}</label>
        <input id="piiCategories" {...form.register("piiCategories")} />
      </div>
      <div className="field">
        <label htmlFor="sortOrder">{t("sortOrder")}</label>
        <input id="sortOrder" type="number" min={0} {...form.register("sortOrder", { valueAsNumber: true })} />
      </div>
      {/* The texts part of this form has the same shape as the draft form's. */}
      <TextsFields register={form.register as unknown as UseFormRegister<{ texts: PurposeTexts }>} errors={errors.texts} />
      <p className="actions">
        <button type="submit" disabled={pending}>
          {t("create")}
        </button>
        <Link href="/admin/purposes">{t("cancel")}</Link>
      </p>
    </form>
  );
}
