import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/** A secret shown once, right after it was made: never again retrievable, so it can be copied. */
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
      <p>
        <CopyButton value={value} label={label} />
      </p>
      {children}
    </div>
  );
}
