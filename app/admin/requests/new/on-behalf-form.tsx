"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { TextField } from "@/components/form/text-field";
import { onBehalfSchema, requestTypes, type OnBehalfInput } from "@/lib/requests/schemas";
import { createRequestOnBehalfAction } from "../actions";

const errorKeys = ["personNotFound", "personErased", "emailInvalid", "dateInvalid", "dateInFuture", "tooLong", "forbidden", "invalid"] as const;
type ErrorKey = (typeof errorKeys)[number] | "failed";

export function OnBehalfForm() {
  const t = useTranslations("officer");
  const r = useTranslations("requests");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<OnBehalfInput>({ resolver: zodResolver(onBehalfSchema, undefined, { raw: true }), defaultValues: { email: "", type: "ACCESS", channel: "EMAIL", description: "", receivedOn: undefined } });
  const { errors } = form.formState;
  const message = (key?: string) => (key ? t(`errors.${((errorKeys as readonly string[]).includes(key) ? key : "failed") as ErrorKey}`) : undefined);
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await createRequestOnBehalfAction({ ...values, receivedOn: values.receivedOn || undefined, description: values.description || undefined });
      if (!applyActionErrors(result, form.setError) && result.ok) router.push(`/admin/requests/${result.data.id}`);
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      {errors.root && <p className="form-error" role="alert">{message(errors.root.message)}</p>}
      <TextField id="email" type="email" autoComplete="off" label={t("email")} error={message(errors.email?.message)} registration={form.register("email")} />
      <div className="field">
        <label htmlFor="type">{t("type")}</label>
        <select id="type" {...form.register("type")}>
          {requestTypes.map((type) => (
            <option key={type} value={type}>
              {r(`types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="channel">{t("channel")}</label>
        <select id="channel" {...form.register("channel")}>
          {(["EMAIL", "POST", "STAFF"] as const).map((c) => (
            <option key={c} value={c}>
              {r(`channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField id="receivedOn" label={t("receivedOn")} inputMode="numeric" error={message(errors.receivedOn?.message)} registration={form.register("receivedOn", { setValueAs: (v: string) => v || undefined })} />
      <div className="field">
        <label htmlFor="description">{t("description")}</label>
        <textarea id="description" rows={4} {...form.register("description")} />
      </div>
      <button type="submit" disabled={pending}>
        {t("submitOnBehalf")}
      </button>
    </form>
  );
}
