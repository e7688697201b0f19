"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useTransition } from "react";
import { OutcomeMessage } from "@/components/ui/outcome-message";
import { usePassingMessage } from "@/components/ui/use-passing-message";
import { requestDataExportAction } from "./actions";

/**
 * "Prepare my file". Stays mounted while a file is being prepared or the next may not be asked for
 * yet (only the button is hidden then; the page says when),
 * so the confirmation it shows is not lost when the page re-renders with the new file.
 */
export function RequestExportButton({ building, waiting = false }: { building: boolean; waiting?: boolean }) {
  const t = useTranslations("dataExport");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = usePassingMessage();
  if ((building || waiting) && !outcome.message) return null;
  return (
    <p className="actions">
      {!building && !waiting && (
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await requestDataExportAction();
              outcome.show(result.ok ? { ok: true, text: t("requested") } : { ok: false, text: result.message === "exportLimited" ? t("errors.exportLimited") : t("errors.failed") });
              router.refresh();
            })
          }
        >
          {t("request")}
        </button>
      )}
      <OutcomeMessage message={outcome.message} />
    </p>
  );
}

/** While a file is being prepared, the page refreshes itself so the progress moves. */
export function RefreshWhileBuilding({ active, intervalMs = 2000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
