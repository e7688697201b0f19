"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { TextField } from "@/components/form/text-field";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { OutcomeMessage } from "@/components/ui/outcome-message";
import { usePassingMessage } from "@/components/ui/use-passing-message";
import { eventTypes } from "@/lib/propagation/event-types";
import { systemKinds } from "@/lib/propagation/schemas";
import { createSystemAction, updateSystemAction } from "./actions";
import { ShownOnce } from "./shown-once";

export interface SystemFormValues {
  key: string;
  name: string;
  kind: (typeof systemKinds)[number];
  webhookUrl: string;
  eventTypes: string[];
  requiresErasureAck: boolean;
  active: boolean;
  /** Not connected: its owner is emailed a task for each rectification, restriction and erasure. */
  manual: boolean;
  ownerEmail: string;
  manualInstructions: string;
}

/**
 * Connects a system (then shows its secret once) or edits one; the server validates and answers
 * field errors. `eventTypeLabels`: each event type in words (describeEventType, on the server).
 */
export function SystemForm({ systemId, defaults, eventTypeLabels }: { systemId?: string; defaults: SystemFormValues; eventTypeLabels: Record<string, string> }) {
  const t = useTranslations("systems");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const saved = usePassingMessage();
  // Made when a manual system is switched to webhooks: shown once, like a new system's.
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const form = useForm<SystemFormValues>({ defaultValues: defaults });
  const { errors } = form.formState;
  const manual = useWatch({ control: form.control, name: "manual" });
  const message = (key?: string) => (key ? t(`errors.${key}` as "errors.invalid") : undefined);
  const [ask, dialog] = useConfirm();

  const onSubmit = form.handleSubmit(async (values) => {
    // Turning an active system off stops its webhooks at once: asked first.
    if (systemId && defaults.active && !values.active && !(await ask({ title: t("form.disableConfirm", { name: values.name }), body: t("form.disableConfirmBody"), confirmLabel: t("form.disableConfirmYes"), danger: true }))) return;
    startTransition(async () => {
      saved.clear();
      const input = { ...values, eventTypes: values.eventTypes || [] };
      if (systemId) {
        const result = await updateSystemAction(systemId, input);
        if (applyActionErrors(result, form.setError)) return;
        saved.succeed(t("form.saved"));
        setNewSecret(result.ok ? result.data.secret : null);
        router.refresh();
        return;
      }
      const { key, name, kind, webhookUrl, eventTypes: types, requiresErasureAck, ownerEmail, manualInstructions } = input;
      const result = await createSystemAction({
        key,
        name,
        kind,
        webhookUrl,
        eventTypes: types,
        requiresErasureAck,
        manual: input.manual,
        ownerEmail,
        manualInstructions,
      });
      if (applyActionErrors(result, form.setError)) return;
      // A manual system receives no webhooks and has no signing secret to show.
      if (!result.ok) return;
      const { id, secret } = result.data;
      if (secret === null) router.push(`/admin/systems/${id}`);
      else setCreated({ id, secret });
    });
  });

  if (created) {
    return (
      <ShownOnce label={t("secret.title")} note={t("secret.shownOnce")} value={created.secret}>
        <Link href={`/admin/systems/${created.id}`}>{t("secret.open")}</Link>
      </ShownOnce>
    );
  }
  return (
    <form onSubmit={onSubmit} onInput={saved.edited} noValidate>
      {dialog}
      {newSecret && <ShownOnce label={t("secret.title")} note={t("secret.shownOnce")} value={newSecret} />}
      {errors.root?.message && (
        <p className="form-error" role="alert">
          {message(errors.root.message)}
        </p>
      )}
      {!systemId && <TextField id="key" label={t("form.key")} hint={t("form.keyHint")} error={message(errors.key?.message)} registration={form.register("key")} />}
      <TextField id="name" label={t("form.name")} error={message(errors.name?.message)} registration={form.register("name")} />
      <div className="field">
        <label htmlFor="kind">{t("form.kind")}</label>
        <select id="kind" {...form.register("kind")}>
          {systemKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox-field field">
        <input id="manual" type="checkbox" aria-describedby="manual-hint" {...form.register("manual")} />
        <label htmlFor="manual">{t("form.manual")}</label>
        <p id="manual-hint" className="muted">
          {t("form.manualHint")}
        </p>
      </div>
      {manual ? (
        <>
          <TextField id="ownerEmail" type="email" label={t("form.ownerEmail")} hint={t("form.ownerEmailHint")} error={message(errors.ownerEmail?.message)} registration={form.register("ownerEmail")} />
          <div className="field">
            <label htmlFor="manualInstructions">{t("form.manualInstructions")}</label>
            <p id="manualInstructions-hint" className="muted">
              {t("form.manualInstructionsHint")}
            </p>
            <textarea
              id="manualInstructions"
              rows={4}
              aria-invalid={errors.manualInstructions ? "true" : "false"}
              aria-describedby={errors.manualInstructions ? "manualInstructions-hint manualInstructions-error" : "manualInstructions-hint"}
              {...form.register("manualInstructions")}
            />
            {errors.manualInstructions?.message && (
              <p id="manualInstructions-error" className="field-error" role="alert">
                {message(errors.manualInstructions.message)}
              </p>
            )}
          </div>
        </>
      ) : (
        <>
          <TextField id="webhookUrl" type="url" label={t("form.webhookUrl")} hint={t("form.webhookUrlHint")} error={message(errors.webhookUrl?.message)} registration={form.register("webhookUrl")} />
          <fieldset className="field">
            <legend>{t("form.eventTypes")}</legend>
            {eventTypes.map((type) => (
              <div key={type} className="checkbox-field">
                <input id={`event-${type}`} type="checkbox" value={type} {...form.register("eventTypes")} />
                <label htmlFor={`event-${type}`}>
                  {eventTypeLabels[type]} <code className="muted">{type}</code>
                </label>
              </div>
            ))}
            {errors.eventTypes?.message && (
              <p className="field-error" role="alert">
                {message(errors.eventTypes.message)}
              </p>
            )}
          </fieldset>
          <div className="checkbox-field field">
            <input id="requiresErasureAck" type="checkbox" {...form.register("requiresErasureAck")} />
            <label htmlFor="requiresErasureAck">{t("form.requiresErasureAck")}</label>
          </div>
        </>
      )}
      {systemId && (
        <div className="checkbox-field field">
          <input id="active" type="checkbox" {...form.register("active")} />
          <label htmlFor="active">{t("form.active")}</label>
        </div>
      )}
      <p className="actions">
        <button type="submit" disabled={pending}>
          {systemId ? t("form.save") : t("form.create")}
        </button>
        <Link href="/admin/systems">{t("form.cancel")}</Link>
        <OutcomeMessage message={saved.message} />
      </p>
    </form>
  );
}
