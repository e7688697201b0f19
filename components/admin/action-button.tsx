"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";

/**
 * A button that runs a server action (bound to its arguments) and says how it went; the page
 * refreshes after a success. Error messages are keys in `namespace`.errors.
 */
export function ActionButton({
  action,
  label,
  done,
  namespace,
  confirm,
  danger = false,
  testId,
}: {
  action: () => Promise<ActionResult<unknown>>;
  label: string;
  done: string;
  namespace: string;
  confirm?: string;
  danger?: boolean;
  testId?: string;
}) {
  const t = useTranslations(namespace);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.failed"));
  return (
    <span className="action-button">
      <button
        type="button"
        className={danger ? "danger" : "secondary"}
        disabled={pending}
        data-testid={testId}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          startTransition(async () => {
            const result = await action();
            setMessage(result.ok ? done : errorText(result.message));
            if (result.ok) router.refresh();
          });
        }}
      >
        {label}
      </button>
      {message && <span role="status"> {message}</span>}
    </span>
  );
}
