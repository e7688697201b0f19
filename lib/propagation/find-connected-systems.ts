import { db } from "../db/client";

/** Every connected system with how many of its deliveries wait and how many failed. */
export async function findConnectedSystems() {
  const prisma = await db();
  const [systems, counts] = await Promise.all([
    prisma.connectedSystem.findMany({
      orderBy: { name: "asc" },
      select: { id: true, key: true, name: true, kind: true, webhookUrl: true, active: true, disabledReason: true, failingSince: true, eventTypes: true, manual: true },
    }),
    prisma.delivery.groupBy({ by: ["systemId", "status"], where: { status: { in: ["PENDING", "IN_FLIGHT", "FAILED"] } }, _count: { _all: true } }),
  ]);
  const count = (systemId: string, statuses: string[]) =>
    counts.filter((c) => c.systemId === systemId && statuses.includes(c.status)).reduce((sum, c) => sum + c._count._all, 0);
  return systems.map((s) => ({ ...s, waiting: count(s.id, ["PENDING", "IN_FLIGHT"]), failed: count(s.id, ["FAILED"]) }));
}
