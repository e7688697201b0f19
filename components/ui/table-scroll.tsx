import type { ReactNode } from "react";

/**
 * A wide table's own horizontal scroll region, so the page itself never scrolls sideways on a
 * phone. It is focusable (keyboard users scroll it with the arrow keys) and named for screen
 * readers, by a visible heading's id when there is one.
 */
export function TableScroll({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={labelledBy ? undefined : label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
