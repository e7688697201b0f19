import { describeAuditEntry, type DescribableEntry } from "./describe-audit-entry";
import { loadDescribeNames } from "./describe-names";
import type { DescribeViewer } from "./describe-source";
import type { Locale } from "./locales";

/**
 * Audit entries about a person as rows of words (when, who, what, reason) for the person's
 * Activity page and the staff 360 view: one read of the names for the whole page.
 */
export async function describeActivity<E extends DescribableEntry & { id: number; at: Date }>(locale: Locale, entries: E[], viewer: DescribeViewer) {
  const names = await loadDescribeNames(locale);
  return entries.map((e) => ({ id: e.id, at: e.at, action: e.action, ...describeAuditEntry(locale, e, names, viewer) }));
}
