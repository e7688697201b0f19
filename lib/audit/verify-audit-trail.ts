import { db } from "../db/client";
import { assertStaffRole } from "../staff/assert-staff-role";
import type { Actor } from "./actor";
import { verifyAuditChain, type AuditChainReport } from "./verify-audit-chain";

/**
 * Recomputes the whole hash chain for the audit viewer: intact, or the first broken entry and
 * how it broke. PRIVACY_OFFICER and up. Reading only; nothing is written.
 */
export async function verifyAuditTrail({ actor }: { actor: Actor }): Promise<AuditChainReport & { checkedAt: Date }> {
  assertStaffRole(actor, "PRIVACY_OFFICER");
  return { ...(await verifyAuditChain(await db())), checkedAt: new Date() };
}
