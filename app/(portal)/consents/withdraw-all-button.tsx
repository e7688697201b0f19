"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { RunButton } from "@/components/ui/run-button";
import { withdrawAllMarketingAction } from "./actions";

export function WithdrawAllButton() {
  const t = useTranslations("consents");
  const router = useRouter();
  return (
    <RunButton
      className="secondary"
      run={async () => {
        const result = await withdrawAllMarketingAction();
        if (!result.ok) return { ok: false, text: t("failed") };
        router.refresh();
        return { ok: true, text: t("withdrawAllDone", { count: result.data.withdrawn.length }) };
      }}
    >
      {t("withdrawAll")}
    </RunButton>
  );
}
