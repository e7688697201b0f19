"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { organisationReportSchema } from "@/lib/persons/schemas";
import { reportOrganisationAction } from "./actions";

export function ReportForm({ organizationId }: { organizationId: string }) {
  const t = useTranslations("orgReport");
  const [pending, startTransition] = useTransition();
  const [sent, setSent] = useState(false);
  const form = useForm<{ organizationId: string; description: string }>({
    resolver: zodResolver(organisationReportSchema, undefined, { raw: true }),
    defaultValues: { organizationId, description: "" },
  });
  const { errors } = form.formState;
  if (sent) {
    return (
      <p role="status" className="notice">
        {t("sent")}
      </p>
    );
  }
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await reportOrganisationAction(values);
      if (!applyActionErrors(result, form.setError)) setSent(true);
    }),
  );
  const error = errors.description?.message ?? errors.organizationId?.message ?? errors.root?.message;
  return (
    <form onSubmit={onSubmit} noValidate>
      <input type="hidden" {...form.register("organizationId")} />
      <div className="field">
        <label htmlFor="description">{t("description")}</label>
        <textarea id="description" rows={5} aria-invalid={error ? "true" : "false"} aria-describedby={error ? "description-error" : undefined} {...form.register("description")} />
        {error && (
          <p id="description-error" className="field-error" role="alert">
            {t(`errors.${error}` as "errors.tooLong")}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
