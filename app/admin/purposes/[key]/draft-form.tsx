"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { OutcomeMessage } from "@/components/ui/outcome-message";
import { usePassingMessage } from "@/components/ui/use-passing-message";
import type { PurposeTexts } from "@/lib/consents/schemas";
import { publishVersionAction, saveDraftAction } from "../actions";
import { TextsFields } from "../texts-fields";

/** Edits the draft's texts in Finnish, Swedish and English (a new draft after a publication). */
export function DraftForm({ purposeKey, texts }: { purposeKey: string; texts: PurposeTexts }) {
  const t = useTranslations("purposesAdmin");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const saved = usePassingMessage();
  const form = useForm<{ texts: PurposeTexts }>({ defaultValues: { texts } });
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      saved.clear();
      const result = await saveDraftAction({ purposeKey, texts: values.texts });
      if (applyActionErrors(result, form.setError)) return;
      saved.succeed(t("draftSaved"));
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} onInput={saved.edited} noValidate data-testid="draft-form">
      {form.formState.errors.root && (
        <p className="form-error" role="alert">
          {t.has(`errors.${form.formState.errors.root.message}`) ? t(`errors.${form.formState.errors.root.message}` as "errors.failed") : t("errors.failed")}
        </p>
      )}
      <TextsFields register={form.register} errors={form.formState.errors.texts} />
      <p className="actions">
        <button type="submit" disabled={pending}>
          {t("saveDraft")}
        </button>
        <OutcomeMessage message={saved.message} />
      </p>
    </form>
  );
}

/** Publishes the draft version, as a material change (grants need renewal) or not. */
export function PublishForm({ purposeKey, version, first }: { purposeKey: string; version: number; first: boolean }) {
  const t = useTranslations("purposesAdmin");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [material, setMaterial] = useState(true);
  const outcome = usePassingMessage();
  return (
    <form
      data-testid="publish-form"
      onInput={outcome.edited}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await publishVersionAction({ purposeKey, version, material: first || material });
          outcome.show(result.ok ? { ok: true, text: t("published", { count: result.data.needingRenewal }) } : { ok: false, text: t.has(`errors.${result.message}`) ? t(`errors.${result.message}` as "errors.failed") : t("errors.failed") });
          if (result.ok) router.refresh();
        });
      }}
    >
      <div className="field checkbox-field">
        <input id="material" type="checkbox" checked={first || material} disabled={first} onChange={(e) => setMaterial(e.target.checked)} aria-describedby="material-hint" />
        <label htmlFor="material">{t("material")}</label>
      </div>
      <p id="material-hint" className="muted">
        {first ? t("materialFirst") : t("materialHint")}
      </p>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {t("publish", { version })}
        </button>
        <OutcomeMessage message={outcome.message} />
      </p>
    </form>
  );
}
