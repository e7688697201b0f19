"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { ReauthPrompt } from "@/components/form/reauth-prompt";
import { TextField } from "@/components/form/text-field";
import { emailChangeSchema } from "@/lib/persons/schemas";
import { requestEmailChangeAction, requestReauthLinkAction } from "./actions";

export function EmailChangeForm({ needsReauth }: { needsReauth: boolean }) {
  const t = useTranslations("emailChange");
  const signIn = useTranslations("signIn");
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<"form" | "reauth" | "sent">(needsReauth ? "reauth" : "form");
  const form = useForm<{ newEmail: string }>({ resolver: zodResolver(emailChangeSchema, undefined, { raw: true }), defaultValues: { newEmail: "" } });
  const { errors } = form.formState;

  if (state === "sent") {
    return (
      <p role="status" className="notice">
        {t("sent")}
      </p>
    );
  }
  if (state === "reauth") {
    return (
      <ReauthPrompt
        title={t("reauthTitle")}
        body={t("reauthBody")}
        buttonLabel={t("reauthButton")}
        sentMessage={signIn("checkEmailBody")}
        describeProblem={(message) => signIn(message === "rateLimited" ? "rateLimited" : "failed")}
        send={requestReauthLinkAction}
      />
    );
  }
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await requestEmailChangeAction(values);
      if (!result.ok && result.message === "reauthRequired") return setState("reauth");
      if (!applyActionErrors(result, form.setError)) setState("sent");
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      {errors.root?.message && (
        <p className="form-error" role="alert">
          {errors.root.message === "rateLimited" ? t("errors.rateLimited") : signIn("failed")}
        </p>
      )}
      <TextField
        id="newEmail"
        type="email"
        autoComplete="email"
        label={t("newEmail")}
        error={errors.newEmail?.message ? t(`errors.${errors.newEmail.message}` as "errors.emailInvalid") : undefined}
        registration={form.register("newEmail")}
      />
      <button type="submit" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
