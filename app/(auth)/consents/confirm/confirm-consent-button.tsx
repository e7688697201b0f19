"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { confirmConsentAction } from "./actions";

// A button, not the GET itself: mail scanners open links, and must not confirm consents.
export function ConfirmConsentButton({ token }: { token: string }) {
  const t = useTranslations("consentConfirm");
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<"idle" | "confirmed" | "already" | "invalid">("idle");
  if (state !== "idle") {
    return (
      <p role={state === "invalid" ? "alert" : "status"} className={state === "invalid" ? "form-error" : "notice"}>
        {t(state)}
      </p>
    );
  }
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await confirmConsentAction(token);
          setState(!result.ok ? "invalid" : result.data.status === "confirmed" ? "confirmed" : "already");
        })
      }
    >
      {t("button")}
    </button>
  );
}
