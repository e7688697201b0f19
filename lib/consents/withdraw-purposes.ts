import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import type { ConsentSource, ConsentStatus } from "../db/generated/enums";
import type { Tx } from "../db/types";
import type { OutboxInput } from "../propagation/record-outbox-event";
import { evaluateConsent } from "./evaluate-consent";
import { purposeRuleSelect } from "./load-purpose-for-change";
import { recordConsentEvent, type ConsentEvidence } from "./record-consent-event";

const selectPurposes = (tx: Tx, where: { key?: string; isSaleOrSharing?: boolean }) =>
  tx.purpose.findMany({ where: { ...where, currentVersion: { gt: 0 } }, select: purposeRuleSelect, orderBy: { sortOrder: "asc" } });

/**
 * Withdraws, inside the caller's change transaction, every purpose matching `where` that
 * `choose` picks among those a withdrawal would change (see evaluateConsent.withdrawable).
 * One ConsentEvent, audit entry and `consent.updated` event per purpose; none when nothing
 * changes, so repeating a withdrawal writes nothing.
 */
export async function withdrawPurposes(
  tx: Tx,
  options: {
    actor: Actor;
    now: Date;
    personId: string;
    where: { key?: string; isSaleOrSharing?: boolean };
    choose?: (purpose: PurposeRow, state: { status: ConsentStatus } | null) => boolean;
    source: ConsentSource;
    evidence: ConsentEvidence;
  },
) {
  const { actor, now, personId, source, evidence } = options;
  const purposes = await selectPurposes(tx, options.where);
  const states = await tx.consentState.findMany({
    where: { personId, purposeId: { in: purposes.map((p) => p.id) } },
    select: { purposeId: true, status: true, version: true },
  });
  const withdrawn: string[] = [];
  const audit: AuditInput[] = [];
  const events: OutboxInput[] = [];
  for (const purpose of purposes) {
    const state = states.find((s) => s.purposeId === purpose.id) ?? null;
    if (!evaluateConsent(purpose, state).withdrawable) continue;
    if (options.choose && !options.choose(purpose, state)) continue;
    const version = await tx.purposeVersion.findUniqueOrThrow({
      where: { purposeId_version: { purposeId: purpose.id, version: purpose.currentVersion } },
      select: { id: true, version: true, texts: true },
    });
    const recorded = await recordConsentEvent(tx, { actor, now, personId, purpose, version, status: "WITHDRAWN", source, evidence });
    withdrawn.push(purpose.key);
    audit.push(recorded.audit);
    events.push(recorded.outbox);
  }
  return { withdrawn, audit, events };
}

type PurposeRow = Awaited<ReturnType<typeof selectPurposes>>[number];
