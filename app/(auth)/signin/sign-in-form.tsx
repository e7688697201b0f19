"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { signInFormSchema, type SignInFormValues } from "@/lib/auth/schemas";
import { requestSignInLinkAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const [pending, startTransition] = useTransition();
  const [retryAfterMinutes, setRetryAfterMinutes] = useState<number>();
  const form = useForm<SignInFormValues>({ resolver: zodResolver(signInFormSchema, undefined, { raw: true }), defaultValues: { email: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await requestSignInLinkAction({ email: values.email, callbackUrl });
      setRetryAfterMinutes(result?.retryAfterMinutes);
      if (result?.error === "invalidEmail") form.setError("email", { message: "invalidEmail" });
      else if (result?.error) form.setError("root", { message: result.error });
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      {errors.root?.message && (
        <p className="form-error" role="alert">
          {errors.root.message === "rateLimited" && retryAfterMinutes
            ? t("rateLimitedMinutes", { minutes: retryAfterMinutes })
            : t(errors.root.message as "rateLimited" | "failed")}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">{t("emailLabel")}</label>
        <input
          id="email"
          type="email"
          autoComplete="email"
          aria-invalid={errors.email ? "true" : "false"}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...form.register("email")}
        />
        {errors.email?.message && (
          <p id="email-error" className="field-error" role="alert">
            {t(errors.email.message as "invalidEmail")}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
