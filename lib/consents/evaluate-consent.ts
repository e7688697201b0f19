import type { ConsentStatus, LegalBasis } from "../db/generated/enums";

export interface PurposeRules {
  legalBasis: LegalBasis;
  currentVersion: number;
  renewalFromVersion: number;
  retiredAt: Date | null;
}

export interface StateSnapshot {
  status: ConsentStatus;
  version: number;
}

export interface ConsentEvaluation {
  /** The recorded status, or NOT_SET when the person never acted on this purpose. */
  status: ConsentStatus | "NOT_SET";
  /** Whether the purpose may be used for this person now. */
  permitted: boolean;
  /** Granted against text that a material change replaced: shown to the person, not a permission. */
  needsRenewal: boolean;
  /** Whether a withdrawal (or, for legitimate interest, an objection) would change anything. */
  withdrawable: boolean;
}

/** The person as far as evaluation needs: restricted (GDPR Art. 18) or erased (Art. 17) permits nothing. */
export interface SubjectSnapshot {
  restrictedAt: Date | null;
  /** Erasure deletes the states, so without this a legitimate interest would read as permitted. */
  erasedAt?: Date | null;
}

/**
 * The one rule for what a state means. Consent needs a grant of a version at or after the last
 * material change; legitimate interest holds until the person objects (a WITHDRAWN state).
 * Pending confirmation is never a permission. A retired purpose permits nothing, and neither
 * does anything while the person's processing is restricted or after erasure (pass `subject`).
 */
export function evaluateConsent(purpose: PurposeRules, state: StateSnapshot | null, subject?: SubjectSnapshot | null): ConsentEvaluation {
  const published = purpose.currentVersion > 0;
  const live = published && !purpose.retiredAt && !subject?.restrictedAt && !subject?.erasedAt;
  if (purpose.legalBasis === "LEGITIMATE_INTEREST") {
    const objected = state?.status === "WITHDRAWN";
    return { status: state?.status ?? "NOT_SET", permitted: live && !objected, needsRenewal: false, withdrawable: published && !objected };
  }
  if (!state) return { status: "NOT_SET", permitted: false, needsRenewal: false, withdrawable: false };
  const granted = state.status === "GRANTED";
  const needsRenewal = granted && state.version < purpose.renewalFromVersion;
  return {
    status: state.status,
    permitted: live && granted && !needsRenewal,
    needsRenewal,
    withdrawable: state.status !== "WITHDRAWN",
  };
}
