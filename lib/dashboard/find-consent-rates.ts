import type { Actor } from "../audit/actor";
import { localizePurposeText } from "../consents/localize-purpose-text";
import { db } from "../db/client";
import { assertStaffRole } from "../staff/assert-staff-role";
import { consentRateQuerySchema } from "./schemas";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface ConsentRatePoint {
  /** The end of the week: the state at this instant. */
  at: Date;
  granted: number;
  persons: number;
  /** granted / persons, 0 when there is nobody. */
  rate: number;
}

/** Running totals per bucket: value at the end of bucket i = everything before the window + buckets 0..i. */
function cumulate(rows: { bucket: number; delta: number }[], buckets: number): number[] {
  const out: number[] = [];
  let total = rows.filter((r) => r.bucket < 0).reduce((n, r) => n + r.delta, 0);
  for (let i = 0; i < buckets; i += 1) {
    total += rows.filter((r) => r.bucket === i).reduce((n, r) => n + r.delta, 0);
    out.push(total);
  }
  return out;
}

/**
 * Consent rate per live purpose over the last weeks: at the end of each week, the persons whose
 * latest consent event for the purpose was a grant, out of the persons on record then (erased
 * ones leave the count). Worked out from the append-only history with one pass over it.
 * SUPPORT and up.
 */
export async function findConsentRates({ actor, query = {}, now = new Date() }: { actor: Actor; query?: { weeks?: number; locale?: string }; now?: Date }) {
  assertStaffRole(actor, "SUPPORT");
  const { weeks, locale } = consentRateQuerySchema.parse(query);
  const start = new Date(now.getTime() - weeks * WEEK_MS);
  const prisma = await db();
  const bucketOf = (column: string) => `greatest(-1, floor(extract(epoch from (${column} - $1::timestamp)) / ${WEEK_MS / 1000}))::int`;
  const [purposes, creationOrder, grantDeltas, personDeltas] = await Promise.all([
    prisma.purpose.findMany({
      where: { retiredAt: null, currentVersion: { gt: 0 } },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: { id: true, key: true, versions: { where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, select: { texts: true } } },
    }),
    // Every purpose ever made, retired ones too, in the order they were made: a purpose's place
    // here never changes when another is added, so its chart colour stays the same.
    prisma.purpose.findMany({ orderBy: [{ createdAt: "asc" }, { key: "asc" }], select: { id: true } }),
    prisma.$queryRawUnsafe<{ purposeId: string; bucket: number; delta: number }[]>(
      `WITH ev AS (
         SELECT "purposeId", "occurredAt",
                (status = 'GRANTED')::int - coalesce((lag(status) OVER (PARTITION BY "personId", "purposeId" ORDER BY "occurredAt", id) = 'GRANTED')::int, 0) AS delta
         FROM "ConsentEvent" WHERE "occurredAt" < $2::timestamp
       )
       SELECT "purposeId", ${bucketOf('"occurredAt"')} AS bucket, sum(delta)::int AS delta FROM ev GROUP BY 1, 2`,
      // ISO text, cast to timestamp: UTC wall time like the columns, whatever the session's zone.
      start.toISOString(),
      now.toISOString(),
    ),
    prisma.$queryRawUnsafe<{ bucket: number; delta: number }[]>(
      `SELECT ${bucketOf('"createdAt"')} AS bucket, count(*)::int AS delta FROM "Person" WHERE "createdAt" < $2::timestamp GROUP BY 1
       UNION ALL
       SELECT ${bucketOf('"erasedAt"')} AS bucket, -count(*)::int AS delta FROM "Person" WHERE "erasedAt" < $2::timestamp GROUP BY 1`,
      start.toISOString(),
      now.toISOString(),
    ),
  ]);
  const at = Array.from({ length: weeks }, (_, i) => new Date(start.getTime() + (i + 1) * WEEK_MS));
  const persons = cumulate(personDeltas.map((r) => ({ bucket: Number(r.bucket), delta: Number(r.delta) })), weeks);
  return {
    at,
    series: purposes.map((purpose) => {
      const granted = cumulate(
        grantDeltas.filter((r) => r.purposeId === purpose.id).map((r) => ({ bucket: Number(r.bucket), delta: Number(r.delta) })),
        weeks,
      );
      return {
        purposeKey: purpose.key,
        /** The purpose's place in creation order: picks its stable chart colour. */
        order: creationOrder.findIndex((p) => p.id === purpose.id),
        title: localizePurposeText(purpose.versions[0]?.texts, locale).title || purpose.key,
        points: at.map((instant, i): ConsentRatePoint => ({
          at: instant,
          granted: granted[i]!,
          persons: persons[i]!,
          rate: persons[i]! > 0 ? granted[i]! / persons[i]! : 0,
        })),
      };
    }),
  };
}

export type ConsentRates = Awaited<ReturnType<typeof findConsentRates>>;
