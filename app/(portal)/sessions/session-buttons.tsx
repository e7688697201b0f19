"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { endOtherSessionsAction, endSessionAction } from "./actions";

export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const t = useTranslations("sessions");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="secondary"
        data-session-id={sessionId}
        aria-label={label}
        disabled={pending}
        onClick={(e) => {
          // Read at click time: the id is what the page rendered (a tampered one is refused server-side).
          const id = e.currentTarget.dataset.sessionId ?? sessionId;
          startTransition(async () => setMessage((await endSessionAction(id)).ok ? t("ended") : t("notFound")));
        }}
      >
        {t("end")}
      </button>
      {message && <span role="status"> {message}</span>}
    </>
  );
}

export function EndOtherSessionsButton() {
  const t = useTranslations("sessions");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <p className="actions">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await endOtherSessionsAction();
            setMessage(result.ok ? t("endedOthers", { count: result.data.ended }) : t("notFound"));
          })
        }
      >
        {t("endOthers")}
      </button>
      {message && <span role="status">{message}</span>}
    </p>
  );
}
