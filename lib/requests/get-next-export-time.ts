import { getConfig } from "../config";
import { db } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import type { Tx } from "../db/types";

const HOUR_MS = 60 * 60 * 1000;

/**
 * When the person may ask for their next "Download my data" file, or null when they may now:
 * one file per EXPORT_MIN_INTERVAL_HOURS (each is a full copy kept for days, so unlimited asking
 * fills the database). A failed build does not count; 0 hours turns the limit off.
 */
export async function getNextExportTime(personId: string, now = new Date(), tx?: Tx | PrismaClient): Promise<Date | null> {
  const intervalMs = getConfig().EXPORT_MIN_INTERVAL_HOURS * HOUR_MS;
  if (intervalMs === 0) return null;
  const last = await (tx ?? (await db())).dataExport.findFirst({
    where: { request: { personId }, status: { not: "FAILED" }, createdAt: { gt: new Date(now.getTime() - intervalMs) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return last ? new Date(last.createdAt.getTime() + intervalMs) : null;
}
