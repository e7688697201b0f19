"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { cancelRequestAction } from "./actions";

export function CancelRequestButton({ requestId, label }: { requestId: string; label: string }) {
  const t = useTranslations("requests");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <p className="actions">
      <button
        type="button"
        className="secondary"
        aria-label={label}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await cancelRequestAction(requestId);
            setMessage(result.ok ? t("cancelled") : t("cannotCancel"));
            router.refresh();
          })
        }
      >
        {t("cancel")}
      </button>
      {message && <span role="status">{message}</span>}
    </p>
  );
}
