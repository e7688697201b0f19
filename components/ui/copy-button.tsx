"use client";

import { useTranslations } from "next-intl";
import { usePassingMessage } from "./use-passing-message";

/** How long "Copied" stays on the button before it offers to copy again. */
const COPIED_SHOWN_MS = 4_000;

/**
 * Copies a value (e.g. a secret shown once) to the clipboard and says so in a polite live region;
 * says so too when the browser refuses, so the person knows to select the value by hand.
 */
/** `label` names what is copied, for the button's accessible name ("Copy: Signing secret"). */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useTranslations("common");
  const outcome = usePassingMessage(COPIED_SHOWN_MS);
  return (
    <span className="copy-button">
      <button
        type="button"
        className="secondary"
        aria-label={label ? `${t("copy")}: ${label}` : undefined}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            outcome.succeed(t("copied"));
          } catch {
            outcome.fail(t("copyFailed"));
          }
        }}
      >
        {t("copy")}
      </button>
      <span aria-live="polite" data-testid="copy-outcome">
        {outcome.message && ` ${outcome.message.text}`}
      </span>
    </span>
  );
}
