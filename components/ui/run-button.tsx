"use client";

import { useState, useTransition, type ButtonHTMLAttributes, type ReactNode } from "react";
import { useConfirm } from "./confirm-dialog";

type RunButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onClick" | "type" | "disabled"> & {
  /** Runs on click (inside a transition); the text it returns is announced beside the button. */
  run: (button: HTMLButtonElement) => Promise<string | void>;
  /** Asked first in a confirmation dialog, when given; the button's words confirm. */
  confirm?: string;
  /** The element around the button and its message: a paragraph of actions, or inline. */
  layout?: "paragraph" | "inline";
  children: ReactNode;
};

/**
 * A button that runs one thing (usually a server action), is disabled while it runs, and says
 * how it went in a status region, so screen readers hear the outcome too.
 */
export function RunButton({ run, confirm, layout = "paragraph", children, ...buttonProps }: RunButtonProps) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [ask, dialog] = useConfirm();
  const button = (
    <button
      type="button"
      {...buttonProps}
      disabled={pending}
      onClick={async (event) => {
        const target = event.currentTarget;
        if (confirm && !(await ask({ title: confirm, confirmLabel: typeof children === "string" ? children : undefined, danger: buttonProps.className === "danger" }))) return;
        startTransition(async () => {
          const text = await run(target);
          if (text) setMessage(text);
        });
      }}
    >
      {children}
    </button>
  );
  if (layout === "inline")
    return (
      <span className="action-button">
        {button}
        {dialog}
        {message && <span role="status"> {message}</span>}
      </span>
    );
  return (
    <p className="actions">
      {button}
      {dialog}
      {message && <span role="status">{message}</span>}
    </p>
  );
}
