// Demo consents: the default purposes (version 1 published) and a little history for the demo
// persons, so the consent page and its timeline have something to show. Runs inside
// seedDemoData's change transaction.
import type { Actor } from "../lib/audit/actor";
import type { AuditInput } from "../lib/audit/append-audit-entry";
import { installDefaultPurposes } from "../lib/consents/install-default-purposes";
import { recordConsentEvent } from "../lib/consents/record-consent-event";
import type { ConsentSource, ConsentStatus } from "../lib/db/generated/enums";
import type { Tx } from "../lib/db/types";
import type { Locale } from "../lib/i18n/locales";
import type { OutboxInput } from "../lib/propagation/record-outbox-event";

const DAY = 24 * 3600 * 1000;
type Step = [email: string, purposeKey: string, status: ConsentStatus, source: ConsentSource, daysAgo: number, system?: string];

const history: Step[] = [
  ["maija.meikalainen@example.com", "newsletter", "GRANTED", "PORTAL", 60],
  ["maija.meikalainen@example.com", "sms-offers", "GRANTED", "PORTAL", 45],
  ["maija.meikalainen@example.com", "personalised-offers", "GRANTED", "PORTAL", 45],
  ["maija.meikalainen@example.com", "partner-sharing", "GRANTED", "PORTAL", 30],
  ["maija.meikalainen@example.com", "sms-offers", "WITHDRAWN", "UNSUBSCRIBE_LINK", 12],
  ["maija.meikalainen@example.com", "partner-sharing", "WITHDRAWN", "GPC", 3],
  ["matti.virtanen@example.com", "newsletter", "GRANTED", "IMPORT", 80, "crm"],
  ["matti.virtanen@example.com", "direct-mail", "GRANTED", "STAFF", 20],
  ["anna.lindqvist@example.com", "sms-offers", "GRANTED", "API", 25, "marketing"],
  ["anna.lindqvist@example.com", "customer-surveys", "WITHDRAWN", "PORTAL", 10],
  ["liisa.korhonen@example.com", "phone-marketing", "GRANTED", "PORTAL", 7],
];

export async function seedDemoConsents(tx: Tx, actor: Actor, now: Date): Promise<{ audit: AuditInput[]; events: OutboxInput[] }> {
  const audit = await installDefaultPurposes(tx, new Date(now.getTime() - 120 * DAY));
  const events: OutboxInput[] = [];
  for (const [email, purposeKey, status, source, daysAgo, system] of history) {
    const person = await tx.person.findUnique({ where: { email }, select: { id: true, preferredLanguage: true } });
    const purpose = await tx.purpose.findUnique({
      where: { key: purposeKey },
      select: { id: true, key: true, legalBasis: true, currentVersion: true, renewalFromVersion: true, retiredAt: true, versions: { where: { version: 1 }, select: { id: true, version: true, texts: true } } },
    });
    if (!person || !purpose?.versions[0]) continue;
    const recorded = await recordConsentEvent(tx, {
      actor, now: new Date(now.getTime() - daysAgo * DAY), personId: person.id, purpose, version: purpose.versions[0], status, source,
      evidence: { locale: (person.preferredLanguage ?? "fi") as Locale, userAgent: system ? null : "Mozilla/5.0 (demo browser)", connectedSystemId: system ?? null },
    });
    audit.push(recorded.audit);
    events.push(recorded.outbox);
  }
  return { audit, events };
}
