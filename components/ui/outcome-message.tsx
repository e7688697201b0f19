import type { Outcome } from "./use-passing-message";

/**
 * Shows an outcome: a success in a polite status region, an error as an alert. `inline` sits beside
 * a button (in `.actions` or a table cell); `block` is a paragraph under a form.
 */
export function OutcomeMessage({ message, layout = "inline" }: { message: Outcome | null; layout?: "inline" | "block" }) {
  if (!message) return null;
  const role = message.ok ? "status" : "alert";
  if (layout === "block")
    return (
      <p role={role} className={message.ok ? "notice" : "form-error"}>
        {message.text}
      </p>
    );
  return (
    <span role={role} className={message.ok ? "outcome" : "outcome form-error"}>
      {message.text}
    </span>
  );
}
