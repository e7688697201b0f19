"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition } from "react";
import { grantConsentAction, withdrawConsentAction } from "./actions";

/** What the switch shows: "pending" is a grant waiting for the emailed confirmation, not yet in effect. */
export type SwitchState = "on" | "off" | "pending";

/**
 * One click to give, one click to withdraw. The page's state is the truth: the switch shows it
 * (also after "withdraw all" refreshes the page) and only leads it optimistically while a click
 * is on its way. A failure falls back to the page's state with a message.
 */
export function ConsentSwitch({ purposeKey, version, title, state, doubleOptIn, disabled }: { purposeKey: string; version: number; title: string; state: SwitchState; doubleOptIn: boolean; disabled?: boolean }) {
  const t = useTranslations("consents");
  const errors = useTranslations("consentErrors");
  const router = useRouter();
  const [shown, setShown] = useOptimistic(state);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const toggle = () => {
    // A pending grant is withdrawn by a click, as a granted one is.
    const grant = shown === "off";
    setError(null);
    startTransition(async () => {
      setShown(grant ? (doubleOptIn ? "pending" : "on") : "off");
      const result = await (grant ? grantConsentAction(purposeKey, version) : withdrawConsentAction(purposeKey)).catch(() => ({ ok: false as const, message: "failed" }));
      if (!result.ok) setError(errors.has(result.message as "forbidden") ? errors(result.message as "forbidden") : t("failed"));
      // Also after a refusal: a changed text ("read the new text and choose again") must show.
      router.refresh();
    });
  };

  const label = shown === "pending" ? t("switchPending") : shown === "on" ? t("on") : t("off");
  return (
    <div className="consent-switch">
      <button
        type="button"
        role="switch"
        aria-checked={shown !== "off"}
        aria-label={t("switchLabel", { title, state: label })}
        data-purpose={purposeKey}
        data-state={shown}
        className={`switch ${shown === "off" ? "" : shown}`.trim()}
        disabled={pending || disabled}
        onClick={toggle}
      >
        <span className="knob" aria-hidden="true" />
      </button>
      {shown === "pending" && (
        <span className="switch-note" aria-hidden="true">
          {t("switchPending")}
        </span>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
