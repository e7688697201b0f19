import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import type { DataRequestStatus } from "../db/generated/enums";
import { effectiveDueAt, endOfDueDay, overdueBefore } from "../requests/due-date";
import { assertStaffRole } from "../staff/assert-staff-role";
import { requestStatsQuerySchema } from "./schemas";

const statuses: DataRequestStatus[] = ["RECEIVED", "VERIFYING", "IN_PROGRESS", "AWAITING_SYSTEMS", "COMPLETED", "DENIED", "CANCELLED"];
const OPEN: DataRequestStatus[] = ["RECEIVED", "VERIFYING", "IN_PROGRESS", "AWAITING_SYSTEMS"];

/** Answered on time: closed no later than the last day of its (possibly extended) due date, in the configured zone. */
export const answeredOnTime = (request: { closedAt: Date; dueAt: Date; extendedDueAt: Date | null }) =>
  request.closedAt < endOfDueDay(effectiveDueAt(request));

/**
 * Data-subject requests at a glance: how many are in each status, how many open ones are
 * overdue, and per calendar month (UTC) of answering, how many completed or denied requests were
 * answered on time. SUPPORT and up.
 */
export async function findRequestStats({ actor, query = {}, now = new Date() }: { actor: Actor; query?: { months?: number }; now?: Date }) {
  assertStaffRole(actor, "SUPPORT");
  const { months } = requestStatsQuerySchema.parse(query);
  const firstMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const prisma = await db();
  const [byStatus, overdue, closed] = await Promise.all([
    prisma.dataRequest.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.dataRequest.count({
      where: { status: { in: OPEN }, OR: [{ extendedDueAt: null, dueAt: { lt: overdueBefore(now) } }, { extendedDueAt: { lt: overdueBefore(now) } }] },
    }),
    prisma.dataRequest.findMany({
      where: { status: { in: ["COMPLETED", "DENIED"] }, closedAt: { gte: firstMonth, lte: now } },
      select: { closedAt: true, dueAt: true, extendedDueAt: true },
    }),
  ]);
  const monthsList = Array.from({ length: months }, (_, i) => new Date(Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + i, 1)));
  const onTime = monthsList.map((month) => {
    const inMonth = closed.filter((r) => r.closedAt && r.closedAt.getUTCFullYear() === month.getUTCFullYear() && r.closedAt.getUTCMonth() === month.getUTCMonth());
    const timely = inMonth.filter((r) => answeredOnTime({ ...r, closedAt: r.closedAt! })).length;
    return { month, answered: inMonth.length, onTime: timely, rate: inMonth.length ? timely / inMonth.length : null };
  });
  const answered = onTime.reduce((n, m) => n + m.answered, 0);
  const timely = onTime.reduce((n, m) => n + m.onTime, 0);
  return {
    byStatus: statuses.map((status) => ({ status, count: byStatus.find((s) => s.status === status)?._count._all ?? 0 })),
    open: byStatus.filter((s) => OPEN.includes(s.status)).reduce((n, s) => n + s._count._all, 0),
    overdue,
    onTime,
    onTimeRate: answered ? timely / answered : null,
  };
}

export type RequestStats = Awaited<ReturnType<typeof findRequestStats>>;
