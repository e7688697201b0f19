import { db } from "../db/client";

/** A system's settings, secret ages and API keys (prefixes only: secrets never leave). */
export async function getConnectedSystem(systemId: string, now = new Date()) {
  const prisma = await db();
  const system = await prisma.connectedSystem.findUnique({
    where: { id: systemId },
    select: {
      id: true, key: true, name: true, kind: true, webhookUrl: true, eventTypes: true, active: true, requiresErasureAck: true, manual: true, ownerEmail: true, manualInstructions: true,
      disabledReason: true, disabledAt: true, failingSince: true, createdAt: true,
      secrets: { where: { OR: [{ validUntil: null }, { validUntil: { gt: now } }] }, orderBy: { createdAt: "desc" }, select: { id: true, createdAt: true, validUntil: true } },
      apiKeys: { orderBy: { createdAt: "desc" }, select: { id: true, name: true, prefix: true, scopes: true, lastUsedAt: true, revokedAt: true, createdAt: true } },
      notices: { where: { resolvedAt: null }, orderBy: { createdAt: "desc" }, select: { id: true, kind: true, details: true, createdAt: true } },
    },
  });
  if (!system) return null;
  const counts = await prisma.delivery.groupBy({ by: ["status"], where: { systemId }, _count: { _all: true } });
  return { ...system, deliveryCounts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number> };
}

export type ConnectedSystemDetail = NonNullable<Awaited<ReturnType<typeof getConnectedSystem>>>;
