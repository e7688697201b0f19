import type { ReactNode } from "react";

/** A secret shown once, right after it was made: never again retrievable. */
export function ShownOnce({ label, note, value, children }: { label: string; note: string; value: string; children?: ReactNode }) {
  return (
    <div className="notice" role="status">
      <p>
        <strong>{label}</strong> — {note}
      </p>
      <p>
        <code data-testid="shown-once" style={{ wordBreak: "break-all" }}>
          {value}
        </code>
      </p>
      {children}
    </div>
  );
}
