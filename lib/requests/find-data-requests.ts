import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { assertOfficer } from "./assert-officer";
import { dueBefore, effectiveDueAt, overdueBefore, urgencyOf } from "./due-date";
import { queueFilterSchema, type QueueFilter } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

export const QUEUE_PAGE_SIZE = 50;
/** Unconfirmed requests older than this are hidden from the queue unless asked for. */
export const STALE_UNVERIFIED_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A due date in force (extended or not) before `instant`. */
const effectiveDueBeforeWhere = (instant: Date): Prisma.DataRequestWhereInput => ({
  OR: [{ extendedDueAt: null, dueAt: { lt: instant } }, { extendedDueAt: { lt: instant } }],
});

/**
 * The privacy officer's queue: open requests first by due date, filterable by status, type and
 * due ("overdue", within a "week"). Unverified requests older than seven days are hidden by
 * default. Each item says whether it is overdue or due within seven days.
 */
export async function findDataRequests({ actor, filter = {}, now = new Date() }: { actor: Actor; filter?: QueueFilter; now?: Date }) {
  assertOfficer(actor);
  const f = parseOrThrow(queueFilterSchema, filter, { what: "request input" });
  const and: Prisma.DataRequestWhereInput[] = [];
  if (f.status) and.push({ status: f.status });
  else and.push({ status: { notIn: ["COMPLETED", "DENIED", "CANCELLED"] } });
  if (f.type) and.push({ type: f.type });
  if (f.due === "overdue") and.push(effectiveDueBeforeWhere(overdueBefore(now)));
  if (f.due === "week") and.push(effectiveDueBeforeWhere(dueBefore(now, 7)));
  if (!f.showStale) and.push({ NOT: { status: "VERIFYING", receivedAt: { lt: new Date(now.getTime() - STALE_UNVERIFIED_DAYS * DAY_MS) } } });
  const where: Prisma.DataRequestWhereInput = { AND: and };
  const prisma = await db();
  const [total, rows] = await Promise.all([
    prisma.dataRequest.count({ where }),
    prisma.dataRequest.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      skip: (f.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true, type: true, channel: true, status: true, receivedAt: true, dueAt: true, extendedDueAt: true, scheduledFor: true,
        person: { select: { id: true, email: true, givenName: true, familyName: true, erasedAt: true } },
        assignee: { select: { id: true, email: true } },
      },
    }),
  ]);
  const open = (status: string) => !["COMPLETED", "DENIED", "CANCELLED"].includes(status);
  const items = rows
    .map((r) => {
      const due = effectiveDueAt(r);
      return {
        ...r,
        due,
        extended: r.extendedDueAt !== null,
        urgency: open(r.status) ? urgencyOf(due, now) : ("normal" as const),
        personName: [r.person.givenName, r.person.familyName].filter(Boolean).join(" ") || null,
      };
    })
    .sort((a, b) => a.due.getTime() - b.due.getTime());
  return { items, total, page: f.page, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)), filter: f };
}
