"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { confirmEmailChangeAction } from "./actions";

// A button, not an automatic GET: link scanners that open emails must not confirm changes.
export function ConfirmEmailButton({ token }: { token: string }) {
  const t = useTranslations("emailChange");
  const mail = useTranslations("emailChangeEmail");
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<"idle" | "confirmed" | "invalid">("idle");
  if (state === "confirmed") {
    return (
      <div role="status">
        <h2>{t("confirmedTitle")}</h2>
        <p>{t("confirmedBody")}</p>
      </div>
    );
  }
  if (state === "invalid") {
    return (
      <div role="alert">
        <h2>{t("invalidTitle")}</h2>
        <p>{t("invalidBody")}</p>
      </div>
    );
  }
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => startTransition(async () => setState((await confirmEmailChangeAction(token)).ok ? "confirmed" : "invalid"))}
    >
      {mail("confirmButton")}
    </button>
  );
}
