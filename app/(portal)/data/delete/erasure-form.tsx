"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ReauthPrompt } from "@/components/form/reauth-prompt";
import { RunButton } from "@/components/ui/run-button";
import { cancelErasureAction, requestErasureAction, requestErasureReauthAction } from "../actions";

const errorKeys = ["reauthRequired", "erasureAlreadyRequested", "staffAccount", "mustConfirm", "rateLimited", "cannotCancel"] as const;
type ErrorKey = (typeof errorKeys)[number] | "failed";
const asErrorKey = (message: string): ErrorKey => ((errorKeys as readonly string[]).includes(message) ? (message as ErrorKey) : "failed");

/** Confirmation with a recent sign-in; else a fresh emailed link that returns here. */
export function ErasureForm({ needsReauth }: { needsReauth: boolean }) {
  const t = useTranslations("erasure");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<"form" | "reauth">(needsReauth ? "reauth" : "form");
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);

  if (state === "reauth") {
    return (
      <ReauthPrompt
        title={t("reauthTitle")}
        body={t("reauthBody")}
        buttonLabel={t("reauthButton")}
        sentMessage={t("reauthSent")}
        describeProblem={(message) => t(`errors.${asErrorKey(message)}`)}
        send={requestErasureReauthAction}
      />
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!confirmed) return setError("mustConfirm");
        startTransition(async () => {
          const result = await requestErasureAction({ confirmed });
          if (result.ok) return router.refresh();
          if (result.message === "reauthRequired") return setState("reauth");
          setError(asErrorKey(result.message));
        });
      }}
    >
      {error && <p className="form-error" role="alert">{t(`errors.${error}`)}</p>}
      <div className="field checkbox-field">
        <input id="erasure-confirm" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} aria-describedby={error === "mustConfirm" ? "erasure-confirm-error" : undefined} />
        <label htmlFor="erasure-confirm">{t("confirmLabel")}</label>
      </div>
      {error === "mustConfirm" && <span id="erasure-confirm-error" className="visually-hidden">{t("errors.mustConfirm")}</span>}
      <button type="submit" className="danger" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}

/** Cancels the scheduled erasure in the cooling-off period. */
export function CancelErasureButton({ requestId }: { requestId: string }) {
  const t = useTranslations("erasure");
  const router = useRouter();
  return (
    <RunButton
      run={async () => {
        const result = await cancelErasureAction(requestId);
        if (!result.ok) return { ok: false, text: t(`errors.${asErrorKey(result.message)}`) };
        router.push("/data/delete?cancelled=1");
      }}
    >
      {t("cancel")}
    </RunButton>
  );
}
