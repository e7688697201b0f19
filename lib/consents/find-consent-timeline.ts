import { db } from "../db/client";
import type { ConsentSource, ConsentStatus } from "../db/generated/enums";
import { localizePurposeText } from "./localize-purpose-text";
import { consentInput, timelineQuerySchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

export interface ConsentTimelineItem {
  consentEventId: string;
  purposeKey: string;
  /** The title of the version acted on, in the asked language. */
  title: string;
  version: number;
  status: ConsentStatus;
  source: ConsentSource;
  connectedSystemId: string | null;
  occurredAt: Date;
}

/**
 * The person's consent history, newest first, a page at a time (pass `nextCursor` back as
 * `cursor`). Every item has a receipt: getConsentReceipt(personId, consentEventId).
 */
export async function findConsentTimeline({ personId, ...query }: { personId: string; locale?: string; cursor?: string; take?: number }) {
  const { locale, cursor, take } = parseOrThrow(timelineQuerySchema, query, consentInput);
  const prisma = await db();
  const rows = await prisma.consentEvent.findMany({
    where: { personId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true, status: true, source: true, connectedSystemId: true, occurredAt: true,
      purpose: { select: { key: true } },
      purposeVersion: { select: { version: true, texts: true } },
    },
  });
  const items: ConsentTimelineItem[] = rows.slice(0, take).map((row) => ({
    consentEventId: row.id,
    purposeKey: row.purpose.key,
    title: localizePurposeText(row.purposeVersion.texts, locale).title,
    version: row.purposeVersion.version,
    status: row.status,
    source: row.source,
    connectedSystemId: row.connectedSystemId,
    occurredAt: row.occurredAt,
  }));
  return { items, nextCursor: rows.length > take ? (items.at(-1)?.consentEventId ?? null) : null };
}
