"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

export interface ConfirmOptions {
  /** The question, e.g. "Erase this person now?": the dialog's accessible name. */
  title: string;
  /** What will happen and whether it can be undone. */
  body?: ReactNode;
  /** The confirming button's words, e.g. "Erase now"; "Confirm" if not given. */
  confirmLabel?: string;
  /** Shows the confirming button as destructive. */
  danger?: boolean;
}

/**
 * A modal question (native <dialog> opened with showModal, so focus stays inside and the page
 * behind is inert). Escape and Cancel answer no; focus returns to what had it before. Cancel has
 * the initial focus, so an Enter pressed by habit does not confirm something irreversible.
 */
export function ConfirmDialog({ title, body, confirmLabel, danger, onClose }: ConfirmOptions & { onClose: (confirmed: boolean) => void }) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const answer = (confirmed: boolean) => {
    if (answered.current) return;
    answered.current = true;
    onClose(confirmed);
  };

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={body ? `${id}-body` : undefined}
      data-testid="confirm-dialog"
      // Escape fires "cancel" and then closes the dialog: both answer no.
      onCancel={() => answer(false)}
      onClose={() => answer(false)}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {body && <div id={`${id}-body`}>{body}</div>}
      <p className="actions">
        <button type="button" className={danger ? "danger" : undefined} onClick={() => answer(true)}>
          {confirmLabel ?? t("confirm")}
        </button>
        <button type="button" className="secondary" ref={cancelRef} onClick={() => answer(false)}>
          {t("cancel")}
        </button>
      </p>
    </dialog>
  );
}

/**
 * `const [confirm, dialog] = useConfirm()`: render `dialog`, then `if (await confirm({...}))`.
 * The promise answers true only when the person chose the confirming button.
 */
export function useConfirm() {
  const [asked, setAsked] = useState<{ options: ConfirmOptions; resolve: (confirmed: boolean) => void } | null>(null);
  const confirm = useCallback((options: ConfirmOptions) => new Promise<boolean>((resolve) => setAsked({ options, resolve })), []);
  // In a portal: the asking button may sit inside a paragraph, which cannot hold a dialog's blocks.
  const dialog = asked
    ? createPortal(
        <ConfirmDialog
          {...asked.options}
          onClose={(confirmed) => {
            asked.resolve(confirmed);
            setAsked(null);
          }}
        />,
        document.body,
      )
    : null;
  return [confirm, dialog] as const;
}
