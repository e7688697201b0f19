import { isAuditAction } from "../audit/audit-actions";
import { emittedEventTypes } from "../propagation/event-types";
import type { DescribeNames } from "./describe-names";
import { describeSource, type DescribeViewer } from "./describe-source";
import type { Locale } from "./locales";
import { translatorFor, type Messages } from "./messages";

/** The parts of an audit entry that its words are made of. */
export interface DescribableEntry {
  action: string;
  actorKind: string;
  actorId?: string | null;
  details?: unknown;
}

// A translator per language and namespace, made once: an export describes hundreds of entries.
const translators = new Map<string, unknown>();
function words<N extends keyof Messages>(locale: Locale, namespace: N): ReturnType<typeof translatorFor<N>> {
  const key = `${locale}:${namespace}`;
  if (!translators.has(key)) translators.set(key, translatorFor(locale, namespace));
  return translators.get(key) as ReturnType<typeof translatorFor<N>>;
}

/** The SYSTEM actor id the demo seed writes with: shown as demo data, not as a system. */
const SEED_ACTOR_ID = "demo-seed";

const text = (details: unknown, key: string): string | null => {
  const value = details && typeof details === "object" ? (details as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" && value ? value : null;
};

const list = (details: unknown, key: string): string[] => {
  const value = details && typeof details === "object" ? (details as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};

/** Who did it: "You", "Staff (Support)", "Web shop (connected system)", "Automatic processing". */
export function describeActor(locale: Locale, entry: DescribableEntry, names: DescribeNames, viewer: DescribeViewer): string {
  const t = words(locale, "describe");
  switch (entry.actorKind) {
    case "PERSON":
      return viewer === "person" ? t("actors.you") : t("actors.person");
    case "STAFF": {
      const role = text(entry.details, "role");
      const admin = words(locale, "admin");
      const key = `roles.${role}` as "roles.SUPPORT";
      return role && admin.has(key) ? t("actors.staffRole", { role: admin(key) }) : t("actors.staff");
    }
    case "SYSTEM": {
      if (entry.actorId === SEED_ACTOR_ID) return t("actors.seed");
      const name = entry.actorId ? names.systems.get(entry.actorId) : undefined;
      return name ? t("actors.system", { name }) : t("actors.systemUnknown");
    }
    case "WORKER":
      return t("actors.worker");
    default:
      return t("actors.anonymous");
  }
}

/**
 * What happened, in a sentence of the reader's language: "Consent given: Newsletter",
 * "Data corrected: Phone, City", "New entry from Web shop: Purchase". An action without words
 * (one added later) reads as a generic sentence, never as its key.
 */
export function describeAction(locale: Locale, entry: DescribableEntry, names: DescribeNames, viewer: DescribeViewer): string {
  const t = words(locale, "describe");
  if (!isAuditAction(entry.action)) return t("other");
  const d = entry.details;
  const profile = words(locale, "profile");
  const requests = words(locale, "requests");
  // Keys built from stored values: each is checked with has() before it is used.
  const fieldKey = (f: string) => `fields.${f}` as "fields.email";
  const fields = list(d, "fields").filter((f) => profile.has(fieldKey(f))).map((f) => profile(fieldKey(f)));
  const purposeKey = text(d, "purposeKey");
  const systemRef = text(d, "system") ?? text(d, "connectedSystemId") ?? text(d, "systemId");
  const kind = text(d, "kind");
  const type = text(d, "type");
  const status = text(d, "to");
  const values = {
    fields: fields.length ? fields.join(", ") : t("fallback.fields"),
    purpose: (purposeKey && names.purposes.get(purposeKey)) || t("fallback.purpose"),
    system: (systemRef && names.systems.get(systemRef)) || t("fallback.system"),
    kind: kind && profile.has(`kinds.${kind}` as "kinds.PURCHASE") ? profile(`kinds.${kind}` as "kinds.PURCHASE") : t("fallback.kind"),
    requestType: type && requests.has(`types.${type}` as "types.ACCESS") ? requests(`types.${type}` as "types.ACCESS") : t("fallback.requestType"),
    status: status && requests.has(`statuses.${status}` as "statuses.RECEIVED") ? requests(`statuses.${status}` as "statuses.RECEIVED") : t("fallback.status"),
    source: describeSource(locale, { source: text(d, "source"), system: text(d, "system") }, names, viewer),
  };
  // Message keys nest at dots: "consent.granted" is actions → consent → granted.
  return t(`actions.${entry.action}` as "actions.consent.granted", values);
}

/**
 * A webhook event's type ("consent.updated") as a short phrase of the reader's language: "Consent
 * changed". For the delivery log, its filter and the API page, where there are no details to make
 * a sentence of. A type without words (one added later) reads as "Other event", never as its key.
 */
export function describeEventType(locale: Locale, type: string): string {
  const t = words(locale, "describe");
  // Message keys nest at dots, as for actions: "consent.updated" is eventTypes → consent → updated.
  const key = `eventTypes.${type}` as "eventTypes.consent.updated";
  return (emittedEventTypes as readonly string[]).includes(type) && t.has(key) ? t(key) : t("eventTypeUnknown");
}

/** Actions whose details.reason is a staff member's sentence to the person; elsewhere it is a code. */
const sentenceReasons = new Set(["person.viewed", "person.updated", "person.search_started"]);

/** One audit entry as the words a reader sees: who, what, and the reason a staff member gave (if any). */
export function describeAuditEntry(locale: Locale, entry: DescribableEntry, names: DescribeNames, viewer: DescribeViewer) {
  return {
    who: describeActor(locale, entry, names, viewer),
    what: describeAction(locale, entry, names, viewer),
    reason: sentenceReasons.has(entry.action) ? text(entry.details, "reason") : null,
  };
}
