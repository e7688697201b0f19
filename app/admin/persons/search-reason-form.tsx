"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { TextField } from "@/components/form/text-field";
import { searchReasons, searchSessionSchema, type SearchReason, type SearchSessionInput } from "@/lib/search/schemas";
import { startSearchSessionAction } from "./actions";

/** Search-specific words, translated by the page ("search" is not a client namespace). */
export interface SearchReasonLabels {
  legend: string;
  reasons: Record<SearchReason, string>;
  noteHint: string;
  submit: string;
}

/**
 * Asks why the staff member searches before the search box is usable; the answer goes to the
 * audit trail. Error words are the record's reason form's (person360), as the rules are.
 */
export function SearchReasonForm({ labels }: { labels: SearchReasonLabels }) {
  const t = useTranslations("person360");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<SearchSessionInput>({ resolver: zodResolver(searchSessionSchema, undefined, { raw: true }), defaultValues: { reasonCode: undefined, note: "" } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await startSearchSessionAction(values);
      if (applyActionErrors(result, form.setError)) return;
      router.refresh();
    }),
  );
  const rootMessage = errors.root?.message;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="search-reason-form">
      {errors.root && (
        <p className="form-error" role="alert">
          {rootMessage && t.has(`errors.${rootMessage}`) ? t(`errors.${rootMessage}` as "errors.failed") : t("errors.failed")}
        </p>
      )}
      <fieldset aria-describedby={errors.reasonCode ? "search-reason-error" : undefined}>
        <legend>{labels.legend}</legend>
        {searchReasons.map((code) => (
          <div key={code} className="checkbox-field">
            <input id={`search-reason-${code}`} type="radio" value={code} {...form.register("reasonCode")} />
            <label htmlFor={`search-reason-${code}`}>{labels.reasons[code]}</label>
          </div>
        ))}
        {errors.reasonCode && (
          <p id="search-reason-error" className="field-error" role="alert">
            {t("errors.reasonRequired")}
          </p>
        )}
      </fieldset>
      <TextField id="search-note" label={t("noteLabel")} hint={labels.noteHint} error={errors.note?.message ? t(`errors.${errors.note.message}` as "errors.noteRequired") : undefined} registration={form.register("note")} />
      <p className="actions">
        <button type="submit" disabled={pending}>
          {labels.submit}
        </button>
      </p>
    </form>
  );
}
