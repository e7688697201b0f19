"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { ReauthPrompt } from "@/components/form/reauth-prompt";
import { TextField } from "@/components/form/text-field";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { passkeyNameSchema } from "@/lib/passkeys/schemas";
import { beginPasskeyRegistrationAction, finishPasskeyRegistrationAction, removePasskeyAction, requestPasskeyReauthLinkAction } from "./passkey-actions";

const formSchema = z.object({ name: passkeyNameSchema });
type Problem = "passkeyFailed" | "cancelled" | "unsupported" | "passkeyStaff" | "rateLimited" | "failed";
const problems: readonly string[] = ["passkeyFailed", "cancelled", "unsupported", "passkeyStaff", "rateLimited"];
const asProblem = (message: string): Problem => (problems.includes(message) ? (message as Problem) : "failed");

/** "Add a passkey": named by the person (the browser's name offered), created by the browser, stored by the server. */
export function AddPasskeyForm({ defaultName, needsReauth }: { defaultName: string; needsReauth: boolean }) {
  const t = useTranslations("sessions.passkeys");
  const signIn = useTranslations("signIn");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<"form" | "reauth" | "added">(needsReauth ? "reauth" : "form");
  const form = useForm<z.input<typeof formSchema>>({ resolver: zodResolver(formSchema, undefined, { raw: true }), defaultValues: { name: defaultName } });
  const { errors } = form.formState;
  const problem = errors.root?.message ? t(`errors.${asProblem(errors.root.message)}`) : null;

  if (state === "reauth") {
    return (
      <ReauthPrompt
        level={3}
        title={t("reauthTitle")}
        body={t("reauthBody")}
        buttonLabel={t("reauthButton")}
        sentMessage={signIn("checkEmailBody")}
        describeProblem={(message) => t(`errors.${asProblem(message)}`)}
        send={requestPasskeyReauthLinkAction}
      />
    );
  }

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      if (!browserSupportsWebAuthn()) return form.setError("root", { message: "unsupported" });
      const options = await beginPasskeyRegistrationAction();
      if (!options.ok && options.message === "reauthRequired") return setState("reauth");
      if (applyActionErrors(options, form.setError) || !options.ok) return;
      let response;
      try {
        response = await startRegistration(options.data);
      } catch (error) {
        // NotAllowedError: the person closed the browser's dialog; InvalidStateError: this authenticator already holds one.
        return form.setError("root", { message: error instanceof Error && error.name === "NotAllowedError" ? "cancelled" : "passkeyFailed" });
      }
      const result = await finishPasskeyRegistrationAction({ name: values.name, response });
      if (!result.ok && result.message === "reauthRequired") return setState("reauth");
      if (applyActionErrors(result, form.setError)) return;
      setState("added");
      form.reset({ name: defaultName });
      router.refresh();
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      {state === "added" && (
        <p role="status" className="notice">
          {t("added")}
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <TextField
        id="passkey-name"
        label={t("nameLabel")}
        hint={t("nameHint")}
        maxLength={60}
        autoComplete="off"
        error={errors.name?.message ? t(`errors.${errors.name.message === "nameTooLong" ? "nameTooLong" : "nameRequired"}`) : undefined}
        registration={form.register("name")}
      />
      <button type="submit" disabled={pending}>
        {t("add")}
      </button>
    </form>
  );
}

/**
 * Removes a passkey after the accessible confirmation dialog; the row goes when the page refreshes.
 * (Its own small button rather than RunButton: only a failure needs words here.)
 */
export function RemovePasskeyButton({ passkeyId, name }: { passkeyId: string; name: string }) {
  const t = useTranslations("sessions.passkeys");
  const [ask, dialog] = useConfirm();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={t("removeLabel", { name })}
        disabled={pending}
        onClick={async () => {
          if (!(await ask({ title: t("removeConfirm"), confirmLabel: t("remove"), danger: true }))) return;
          setProblem(null);
          startTransition(async () => {
            const result = await removePasskeyAction(passkeyId);
            if (!result.ok) setProblem(t(`errors.${result.message === "passkeyNotFound" ? "passkeyNotFound" : "failed"}`));
          });
        }}
      >
        {t("remove")}
      </button>
      {problem && (
        <span className="form-error" role="alert">
          {problem}
        </span>
      )}
      {dialog}
    </>
  );
}
