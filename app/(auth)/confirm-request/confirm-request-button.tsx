"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { confirmDataRequestAction } from "./actions";

// A button, not an automatic GET: link scanners that open emails must not confirm requests.
export function ConfirmRequestButton({ token }: { token: string }) {
  const t = useTranslations("requests.confirm");
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<"idle" | "confirmed" | "invalid">("idle");
  // The way on is the person's own requests, where this one now stands with its due date.
  if (state === "confirmed")
    return (
      <>
        <p role="status" className="notice">{t("confirmed")}</p>
        <p>
          <Link href="/requests">{t("followLink")}</Link>
        </p>
      </>
    );
  if (state === "invalid") return <p role="alert" className="form-error">{t("invalid")}</p>;
  return (
    <button type="button" disabled={pending} onClick={() => startTransition(async () => setState((await confirmDataRequestAction(token)).ok ? "confirmed" : "invalid"))}>
      {t("button")}
    </button>
  );
}
