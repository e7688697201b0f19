"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { OutcomeMessage } from "@/components/ui/outcome-message";
import { usePassingMessage } from "@/components/ui/use-passing-message";
import { replayDeliveryAction, replayFailedAction } from "../systems/actions";

export function ReplayDeliveryButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("deliveries");
  const [pending, startTransition] = useTransition();
  const outcome = usePassingMessage();
  return (
    <>
      <button type="button" className="secondary" aria-label={t("replayLabel", { id: deliveryId })} disabled={pending} onClick={() => startTransition(async () => {
        const result = await replayDeliveryAction(deliveryId);
        outcome.show({ ok: result.ok, text: result.ok ? t("replayed") : t(`errors.${result.message}` as "errors.failed") });
      })}>
        {t("replay")}
      </button>
      <OutcomeMessage message={outcome.message} />
    </>
  );
}

export function ReplayFailedButton({ systemId }: { systemId: string }) {
  const t = useTranslations("deliveries");
  const [pending, startTransition] = useTransition();
  const outcome = usePassingMessage();
  return (
    <p className="actions">
      <button type="button" disabled={pending} onClick={() => startTransition(async () => {
        const result = await replayFailedAction(systemId);
        outcome.show(result.ok ? { ok: true, text: t("replayedCount", { count: result.data.replayed }) } : { ok: false, text: t("errors.failed") });
      })}>
        {t("replayFailed")}
      </button>
      <OutcomeMessage message={outcome.message} />
    </p>
  );
}
