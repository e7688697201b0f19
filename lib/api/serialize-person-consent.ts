import type { ConsentEvaluation } from "../consents/evaluate-consent";

/** A consent as the integration API serves it: GET /persons/{id}/consents and every event's data.consents. */
export function serializePersonConsent(c: Pick<ConsentEvaluation, "status" | "permitted" | "needsRenewal"> & { purposeKey: string; version: number; stateVersion: number | null; updatedAt: Date | null }) {
  return {
    purposeKey: c.purposeKey,
    status: c.status,
    permitted: c.permitted,
    needsRenewal: c.needsRenewal,
    version: c.version,
    stateVersion: c.stateVersion,
    updatedAt: c.updatedAt?.toISOString() ?? null,
  };
}
