"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { confirmDataRequestAction } from "./actions";

// A button, not an automatic GET: link scanners that open emails must not confirm requests.
export function ConfirmRequestButton({ token }: { token: string }) {
  const t = useTranslations("requests.confirm");
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<"idle" | "confirmed" | "invalid">("idle");
  if (state === "confirmed") return <p role="status" className="notice">{t("confirmed")}</p>;
  if (state === "invalid") return <p role="alert" className="form-error">{t("invalid")}</p>;
  return (
    <button type="button" disabled={pending} onClick={() => startTransition(async () => setState((await confirmDataRequestAction(token)).ok ? "confirmed" : "invalid"))}>
      {t("button")}
    </button>
  );
}
