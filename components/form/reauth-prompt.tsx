"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";

/**
 * "Sign in again first" for a sensitive step: why, and a button that emails a fresh sign-in link
 * back to the page (`send`, a server action); then only `sentMessage`. A refusal is an alert in
 * the page's own words (`describeProblem` gets the action's message key).
 */
export function ReauthPrompt({
  title,
  body,
  buttonLabel,
  sentMessage,
  describeProblem,
  send,
  level = 2,
}: {
  title: string;
  body: string;
  buttonLabel: string;
  sentMessage: string;
  describeProblem: (message: string) => string;
  send: () => Promise<ActionResult<unknown>>;
  /** The heading's level where the prompt sits (3 inside a page's section). */
  level?: 2 | 3;
}) {
  const Heading = level === 3 ? "h3" : "h2";
  const [pending, startTransition] = useTransition();
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (sent) {
    return (
      <p role="status" className="notice">
        {sentMessage}
      </p>
    );
  }
  return (
    <section aria-labelledby="reauth-title">
      <Heading id="reauth-title">{title}</Heading>
      <p>{body}</p>
      {problem && (
        <p className="form-error" role="alert">
          {describeProblem(problem)}
        </p>
      )}
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await send();
            if (result.ok) setSent(true);
            else setProblem(result.message);
          })
        }
      >
        {buttonLabel}
      </button>
    </section>
  );
}
