import type { Actor } from "../audit/actor";
import type { Prisma } from "../db/generated/client";
import { runChange, type ChangeOptions } from "../changes/run-change";

export type DisableReason = "gone" | "failing";

/**
 * The worker disables a system that answered 410 Gone, or whose deliveries kept failing, and
 * leaves a notice for the admins. Its deliveries wait (PENDING) until an admin enables it again.
 * Answers false when the system was already disabled.
 */
export async function disableConnectedSystem(
  { actor, systemId, reason, details }: { actor: Actor; systemId: string; reason: DisableReason; details: Prisma.InputJsonObject },
  options?: ChangeOptions,
): Promise<boolean> {
  return runChange(
    actor,
    async (tx, now) => {
      const { count } = await tx.connectedSystem.updateMany({
        where: { id: systemId, active: true },
        data: { active: false, disabledAt: now, disabledReason: reason },
      });
      if (count === 0) return { result: false, audit: [] };
      await tx.adminNotice.create({ data: { kind: `system.disabled.${reason}`, systemId, details, createdAt: now } });
      return { result: true, audit: { action: "system.disabled", target: `ConnectedSystem:${systemId}`, details: { reason, ...details } } };
    },
    options,
  );
}
