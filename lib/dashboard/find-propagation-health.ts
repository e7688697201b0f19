import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { assertStaffRole } from "../staff/assert-staff-role";
import { propagationHealthQuerySchema } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Propagation to connected systems, per system: the share of the recent period's finished
 * deliveries that succeeded, the backlog (pending and in flight), and the age of the oldest
 * waiting delivery; plus outbox events not yet fanned out. SUPPORT and up.
 */
export async function findPropagationHealth({ actor, query = {}, now = new Date() }: { actor: Actor; query?: { days?: number }; now?: Date }) {
  assertStaffRole(actor, "SUPPORT");
  const { days } = propagationHealthQuerySchema.parse(query);
  const since = new Date(now.getTime() - days * DAY_MS);
  const prisma = await db();
  const [systems, finished, waiting, undispatched] = await Promise.all([
    prisma.connectedSystem.findMany({ orderBy: { name: "asc" }, select: { id: true, key: true, name: true, active: true, disabledReason: true, failingSince: true, webhookUrl: true } }),
    prisma.delivery.groupBy({ by: ["systemId", "status"], where: { createdAt: { gte: since }, status: { in: ["SUCCEEDED", "FAILED"] } }, _count: { _all: true } }),
    prisma.delivery.groupBy({ by: ["systemId"], where: { status: { in: ["PENDING", "IN_FLIGHT"] } }, _count: { _all: true }, _min: { createdAt: true } }),
    prisma.outboxEvent.count({ where: { dispatchedAt: null } }),
  ]);
  return {
    days,
    undispatchedEvents: undispatched,
    systems: systems
      .filter((s) => s.webhookUrl !== null)
      .map((s) => {
        const count = (status: "SUCCEEDED" | "FAILED") => finished.find((f) => f.systemId === s.id && f.status === status)?._count._all ?? 0;
        const succeeded = count("SUCCEEDED");
        const failed = count("FAILED");
        const backlog = waiting.find((w) => w.systemId === s.id);
        const oldest = backlog?._min.createdAt ?? null;
        return {
          systemId: s.id, key: s.key, name: s.name, active: s.active, disabledReason: s.disabledReason, failingSince: s.failingSince,
          succeeded, failed,
          successRate: succeeded + failed > 0 ? succeeded / (succeeded + failed) : null,
          backlog: backlog?._count._all ?? 0,
          oldestPendingAt: oldest,
          oldestPendingAgeSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
        };
      }),
  };
}

export type PropagationHealth = Awaited<ReturnType<typeof findPropagationHealth>>;
