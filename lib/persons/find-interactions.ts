import { db } from "../db/client";

export const INTERACTIONS_PAGE_SIZE = 10;

/** A page of the person's purchase and service history, newest first. */
export async function findInteractions(personId: string, page = 1) {
  const prisma = await db();
  const current = Math.max(1, Math.floor(page) || 1);
  const [total, items] = await Promise.all([
    prisma.interaction.count({ where: { personId } }),
    prisma.interaction.findMany({
      where: { personId },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * INTERACTIONS_PAGE_SIZE,
      take: INTERACTIONS_PAGE_SIZE,
      select: { id: true, system: true, kind: true, occurredAt: true, summary: true, amountMinor: true, currency: true },
    }),
  ]);
  return { items, page: current, pages: Math.max(1, Math.ceil(total / INTERACTIONS_PAGE_SIZE)), total };
}
