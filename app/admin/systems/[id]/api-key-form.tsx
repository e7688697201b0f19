"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { TextField } from "@/components/form/text-field";
import { apiScopes } from "@/lib/api-keys/scopes";
import { createApiKeyAction } from "../actions";
import { ShownOnce } from "../shown-once";

/** Creates an API key with the chosen scopes and shows it once. */
export function ApiKeyForm({ systemId }: { systemId: string }) {
  const t = useTranslations("systems");
  const [pending, startTransition] = useTransition();
  const [key, setKey] = useState<string | null>(null);
  const form = useForm<{ name: string; scopes: string[] }>({ defaultValues: { name: "", scopes: [] } });
  const { errors } = form.formState;
  const message = (k?: string) => (k ? t(`errors.${k}` as "errors.invalid") : undefined);
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await createApiKeyAction(systemId, { name: values.name, scopes: values.scopes || [] });
      if (applyActionErrors(result, form.setError)) return;
      if (result.ok) {
        setKey(result.data.key);
        form.reset();
      }
    }),
  );
  return (
    <>
      {key && <ShownOnce label={t("keys.title")} note={t("keys.shownOnce")} value={key} />}
      <form onSubmit={onSubmit} noValidate>
        <TextField id="key-name" label={t("keys.name")} error={message(errors.name?.message)} registration={form.register("name")} />
        <fieldset className="field">
          <legend>{t("keys.scopes")}</legend>
          {apiScopes.map((scope) => (
            <div key={scope} className="checkbox-field">
              <input id={`scope-${scope}`} type="checkbox" value={scope} {...form.register("scopes")} />
              <label htmlFor={`scope-${scope}`}>
                {t(`keys.scopeNames.${scope}`)} <span className="muted">{t(`keys.scopeDescriptions.${scope}`)}</span> <code className="muted">{scope}</code>
              </label>
            </div>
          ))}
          {errors.scopes?.message && (
            <p className="field-error" role="alert">
              {message(errors.scopes.message)}
            </p>
          )}
        </fieldset>
        <button type="submit" disabled={pending}>
          {t("keys.create")}
        </button>
      </form>
    </>
  );
}
