import type { DescribeNames } from "./describe-names";
import type { Locale } from "./locales";
import { translatorFor } from "./messages";

const cachedDescribe: Partial<Record<Locale, ReturnType<typeof translatorFor<"describe">>>> = {};

/** Who reads the words: the person themselves ("you") or a staff member ("the customer"). */
export type DescribeViewer = "person" | "staff";

/** Where a value came from, as stored on provenance and audit details. */
export interface SourceRef {
  source: string | null | undefined;
  /** A connected system's key or id, when a system brought it. */
  system?: string | null;
}

/**
 * "you", "customer service", "the system Web shop", "import from CRM": a value's source in words.
 * A system is named by its display name; one that is gone is "a connected system", never its key.
 */
export function describeSource(locale: Locale, ref: SourceRef, names: DescribeNames, viewer: DescribeViewer): string {
  const t = (cachedDescribe[locale] ??= translatorFor(locale, "describe"));
  const system = ref.system ? names.systems.get(ref.system) : undefined;
  switch (ref.source) {
    case "PERSON":
      return viewer === "person" ? t("sources.you") : t("sources.person");
    case "STAFF":
      return t("sources.STAFF");
    case "IMPORT":
      return system ? t("sources.IMPORT", { system }) : t("sources.importUnknown");
    default:
      if (ref.system === "demo-seed") return t("sources.seed");
      return system ? t("sources.SYSTEM", { system }) : t("sources.systemUnknown");
  }
}
