"use client";

import { useTransition, type ButtonHTMLAttributes, type ReactNode } from "react";
import { useConfirm } from "./confirm-dialog";
import { OutcomeMessage } from "./outcome-message";
import { usePassingMessage, type Outcome } from "./use-passing-message";

type RunButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onClick" | "type" | "disabled"> & {
  /** Runs on click (inside a transition); the outcome it returns is shown beside the button. */
  run: (button: HTMLButtonElement) => Promise<Outcome | void>;
  /** Asked first in a confirmation dialog, when given; the button's words confirm. */
  confirm?: string;
  /** The element around the button and its message: a paragraph of actions, or inline. */
  layout?: "paragraph" | "inline";
  children: ReactNode;
};

/**
 * A button that runs one thing (usually a server action), is disabled while it runs, and says
 * how it went: a success in a status region that goes away after a while, an error as an alert
 * that stays until the next try.
 */
export function RunButton({ run, confirm, layout = "paragraph", children, ...buttonProps }: RunButtonProps) {
  const [pending, startTransition] = useTransition();
  const { message, show, clear } = usePassingMessage();
  const [ask, dialog] = useConfirm();
  const button = (
    <button
      type="button"
      {...buttonProps}
      disabled={pending}
      onClick={async (event) => {
        const target = event.currentTarget;
        if (confirm && !(await ask({ title: confirm, confirmLabel: typeof children === "string" ? children : undefined, danger: buttonProps.className === "danger" }))) return;
        clear();
        startTransition(async () => {
          const outcome = await run(target);
          if (outcome) show(outcome);
        });
      }}
    >
      {children}
    </button>
  );
  const Wrapper = layout === "inline" ? "span" : "p";
  return (
    <Wrapper className={layout === "inline" ? "action-button" : "actions"}>
      {button}
      {dialog}
      <OutcomeMessage message={message} />
    </Wrapper>
  );
}
