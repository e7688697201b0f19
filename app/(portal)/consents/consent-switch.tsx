"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { grantConsentAction, withdrawConsentAction } from "./actions";

/** One click to give, one click to withdraw. A failure rolls the switch back with a message. */
export function ConsentSwitch({ purposeKey, version, title, checked, disabled }: { purposeKey: string; version: number; title: string; checked: boolean; disabled?: boolean }) {
  const t = useTranslations("consents");
  const errors = useTranslations("consentErrors");
  const router = useRouter();
  const [on, setOn] = useState(checked);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const toggle = () => {
    const next = !on;
    setOn(next);
    setError(null);
    startTransition(async () => {
      const result = await (next ? grantConsentAction(purposeKey, version) : withdrawConsentAction(purposeKey)).catch(() => ({ ok: false as const, message: "failed" }));
      if (!result.ok) {
        setOn(!next);
        setError(errors.has(result.message as "forbidden") ? errors(result.message as "forbidden") : t("failed"));
      }
      // Also after a refusal: a changed text ("read the new text and choose again") must show.
      router.refresh();
    });
  };

  return (
    <div className="consent-switch">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={t("switchLabel", { title, state: on ? t("on") : t("off") })}
        data-purpose={purposeKey}
        className={on ? "switch on" : "switch"}
        disabled={pending || disabled}
        onClick={toggle}
      >
        <span className="knob" aria-hidden="true" />
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
