"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { replayDeliveryAction, replayFailedAction } from "../systems/actions";

export function ReplayDeliveryButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("deliveries");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="secondary" aria-label={t("replayLabel", { id: deliveryId })} disabled={pending} onClick={() => startTransition(async () => {
        const result = await replayDeliveryAction(deliveryId);
        setMessage(result.ok ? t("replayed") : t(`errors.${result.message}` as "errors.failed"));
      })}>
        {t("replay")}
      </button>
      {message && <span role="status"> {message}</span>}
    </>
  );
}

export function ReplayFailedButton({ systemId }: { systemId: string }) {
  const t = useTranslations("deliveries");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <p className="actions">
      <button type="button" disabled={pending} onClick={() => startTransition(async () => {
        const result = await replayFailedAction(systemId);
        setMessage(result.ok ? t("replayedCount", { count: result.data.replayed }) : t("errors.failed"));
      })}>
        {t("replayFailed")}
      </button>
      {message && <span role="status">{message}</span>}
    </p>
  );
}
