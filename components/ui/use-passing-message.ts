import { useCallback, useEffect, useReducer } from "react";

/** How long a success message stays: long enough to be read and announced, gone before the next task. */
export const PASSING_MS = 8_000;

/** What a form or button says after it ran: a success passes, an error stays until it is fixed. */
export interface Outcome {
  ok: boolean;
  text: string;
}

export type OutcomeEvent =
  /** A new outcome (a new object even for the same words, so its time starts again). */
  | { type: "show"; outcome: Outcome }
  /** The person edits the form again: a success no longer describes it; an error still does. */
  | { type: "edited" }
  /** This outcome's time is up: it goes, unless a newer one has replaced it meanwhile. */
  | { type: "expired"; outcome: Outcome }
  | { type: "clear" };

export function outcomeReducer(current: Outcome | null, event: OutcomeEvent): Outcome | null {
  switch (event.type) {
    case "show":
      return { ok: event.outcome.ok, text: event.outcome.text };
    case "edited":
      return current?.ok ? null : current;
    case "expired":
      return current === event.outcome && current.ok ? null : current;
    case "clear":
      return null;
  }
}

/**
 * The one way the app shows how a form or button went: a success goes away after `ms` or when the
 * form is edited again (`edited`, e.g. from the form's onInput), so it never stands beside a form
 * it no longer describes; an error stays until the next try.
 */
export function usePassingMessage(ms: number = PASSING_MS) {
  const [message, dispatch] = useReducer(outcomeReducer, null);
  useEffect(() => {
    if (!message?.ok) return;
    const timer = setTimeout(() => dispatch({ type: "expired", outcome: message }), ms);
    return () => clearTimeout(timer);
  }, [message, ms]);
  const show = useCallback((outcome: Outcome) => dispatch({ type: "show", outcome }), []);
  const succeed = useCallback((text: string) => dispatch({ type: "show", outcome: { ok: true, text } }), []);
  const fail = useCallback((text: string) => dispatch({ type: "show", outcome: { ok: false, text } }), []);
  const edited = useCallback(() => dispatch({ type: "edited" }), []);
  const clear = useCallback(() => dispatch({ type: "clear" }), []);
  return { message, show, succeed, fail, edited, clear };
}
