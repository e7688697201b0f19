"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { PurposeTexts } from "@/lib/consents/schemas";

/** Title and description in Finnish, Swedish and English, with each field's own error. */
export function TextsFields({ register, errors }: { register: UseFormRegister<{ texts: PurposeTexts }>; errors?: FieldErrors<{ texts: PurposeTexts }>["texts"] }) {
  const t = useTranslations("purposesAdmin");
  const message = (key?: string) => (key ? (t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.failed") : t("errors.invalidInput")) : undefined);
  return (
    <>
      {(["fi", "sv", "en"] as const).map((locale) => {
        const title = errors?.[locale]?.title?.message;
        const description = errors?.[locale]?.description?.message;
        return (
          <fieldset key={locale}>
            <legend>{t(`languages.${locale}`)}</legend>
            <div className="field">
              <label htmlFor={`texts-${locale}-title`}>{t("textTitle")}</label>
              <input id={`texts-${locale}-title`} aria-invalid={title ? "true" : "false"} aria-describedby={title ? `texts-${locale}-title-error` : undefined} {...register(`texts.${locale}.title`)} />
              {title && (
                <p id={`texts-${locale}-title-error`} className="field-error" role="alert">
                  {message(title)}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={`texts-${locale}-description`}>{t("textDescription")}</label>
              <textarea id={`texts-${locale}-description`} rows={4} aria-invalid={description ? "true" : "false"} aria-describedby={description ? `texts-${locale}-description-error` : undefined} {...register(`texts.${locale}.description`)} />
              {description && (
                <p id={`texts-${locale}-description-error`} className="field-error" role="alert">
                  {message(description)}
                </p>
              )}
            </div>
          </fieldset>
        );
      })}
    </>
  );
}
