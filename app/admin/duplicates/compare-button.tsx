"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { compareDuplicatesAction } from "./actions";

/** Records why both records are opened (identity resolution), then shows them side by side. */
export function CompareButton({ a, b, label }: { a: string; b: string; label: string }) {
  const t = useTranslations("duplicates");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button type="button" className="secondary" disabled={pending} aria-label={label} onClick={() => startTransition(async () => {
        const result = await compareDuplicatesAction([a, b]);
        if (!result.ok) return setFailed(true);
        router.push(`/admin/duplicates/merge?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
      })}>
        {t("compare")}
      </button>
      {failed && <span role="alert"> {t("errors.failed")}</span>}
    </>
  );
}
