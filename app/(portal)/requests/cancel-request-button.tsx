"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { RunButton } from "@/components/ui/run-button";
import { cancelRequestAction } from "./actions";

export function CancelRequestButton({ requestId, label }: { requestId: string; label: string }) {
  const t = useTranslations("requests");
  const router = useRouter();
  return (
    <RunButton
      className="secondary"
      aria-label={label}
      run={async () => {
        const result = await cancelRequestAction(requestId);
        router.refresh();
        return result.ok ? { ok: true, text: t("cancelled") } : { ok: false, text: t("cannotCancel") };
      }}
    >
      {t("cancel")}
    </RunButton>
  );
}
