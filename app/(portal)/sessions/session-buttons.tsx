"use client";

import { useTranslations } from "next-intl";
import { RunButton } from "@/components/ui/run-button";
import { endOtherSessionsAction, endSessionAction } from "./actions";

export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const t = useTranslations("sessions");
  return (
    <RunButton
      layout="inline"
      className="secondary"
      data-session-id={sessionId}
      aria-label={label}
      // The id the page rendered, read at click time (a tampered one is refused server-side).
      run={async (button) => ((await endSessionAction(button.dataset.sessionId ?? sessionId)).ok ? { ok: true, text: t("ended") } : { ok: false, text: t("notFound") })}
    >
      {t("end")}
    </RunButton>
  );
}

export function EndOtherSessionsButton() {
  const t = useTranslations("sessions");
  return (
    <RunButton
      run={async () => {
        const result = await endOtherSessionsAction();
        return result.ok ? { ok: true, text: t("endedOthers", { count: result.data.ended }) } : { ok: false, text: t("notFound") };
      }}
    >
      {t("endOthers")}
    </RunButton>
  );
}
