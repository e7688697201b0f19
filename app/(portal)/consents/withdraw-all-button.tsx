"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { withdrawAllMarketingAction } from "./actions";

export function WithdrawAllButton() {
  const t = useTranslations("consents");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <p className="actions">
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await withdrawAllMarketingAction();
            setMessage(result.ok ? t("withdrawAllDone", { count: result.data.withdrawn.length }) : t("failed"));
            if (result.ok) router.refresh();
          })
        }
      >
        {t("withdrawAll")}
      </button>
      {message && <span role="status">{message}</span>}
    </p>
  );
}
