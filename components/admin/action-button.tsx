"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";
import { RunButton } from "../ui/run-button";

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
  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.failed"));
  return (
    <RunButton
      layout="inline"
      className={danger ? "danger" : "secondary"}
      data-testid={testId}
      confirm={confirm}
      run={async () => {
        const result = await action();
        if (!result.ok) return { ok: false, text: errorText(result.message) };
        router.refresh();
        return { ok: true, text: done };
      }}
    >
      {label}
    </RunButton>
  );
}
