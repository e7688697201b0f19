// Idempotency-Key: the first answer to a POST/PATCH is kept for 24 hours and replayed to any
// retry with the same key, so a retry after a lost answer (or a crash) writes nothing more.
import { createHash } from "node:crypto";
import { db } from "../db/client";
import { Prisma, type PrismaClient } from "../db/generated/client";
import { IDEMPOTENCY_CLAIM_MS, parseKeptResults } from "../changes/idempotent-changes";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyStart =
  | { kind: "new"; recordId: string; kept: string[] }
  | { kind: "replay"; status: number; body: string }
  | { kind: "in_progress" }
  | { kind: "mismatch" };

export const requestFingerprint = (method: string, path: string, body: string) => createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");

/**
 * Claims the key for this request, or says what to answer instead. An unfinished claim holds the
 * key for IDEMPOTENCY_CLAIM_MS only (a crash cannot leave it stuck); a retry then takes it over,
 * with the results of the changes the first attempt committed (kept in their own transactions).
 */
export async function startIdempotentRequest(systemId: string, key: string, fingerprint: string, now = new Date()): Promise<IdempotencyStart> {
  const prisma = await db();
  const existing = await prisma.idempotencyRecord.findUnique({ where: { systemId_key: { systemId, key } } });
  const answered = existing !== null && existing.status !== null && existing.responseBody !== null;
  const forgotten = existing !== null && existing.createdAt.getTime() + IDEMPOTENCY_TTL_MS <= now.getTime();
  const kept = existing && !answered && !forgotten ? parseKeptResults(existing.responseBody) : [];
  if (existing && (existing.expiresAt > now || kept.length > 0)) {
    if (existing.requestHash !== fingerprint) return { kind: "mismatch" };
    if (answered) return { kind: "replay", status: existing.status!, body: existing.responseBody! };
    if (existing.expiresAt > now) return { kind: "in_progress" };
  }
  if (existing) {
    // Taken over: the old claim's id goes, so its holder, if still running, can no longer commit.
    const { count } = await prisma.idempotencyRecord.deleteMany({ where: { id: existing.id, expiresAt: { lte: now } } });
    if (count === 0) return { kind: "in_progress" };
  }
  try {
    const created = await prisma.idempotencyRecord.create({
      data: {
        systemId,
        key,
        requestHash: fingerprint,
        responseBody: kept.length ? JSON.stringify(kept) : null,
        createdAt: kept.length ? existing!.createdAt : now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_CLAIM_MS),
      },
      select: { id: true },
    });
    return { kind: "new", recordId: created.id, kept };
  } catch (error) {
    // A concurrent request with the same key claimed it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { kind: "in_progress" };
    throw error;
  }
}

/**
 * Keeps the answer for replay (for 24 hours from the first attempt). An answer that should not be
 * replayed (5xx, 429, a streamed Response) ends the claim instead, keeping any committed results.
 */
export async function finishIdempotentRequest(recordId: string, status: number | null, body: string, now = new Date()): Promise<void> {
  const prisma = await db();
  const record = await prisma.idempotencyRecord.findFirst({ where: { id: recordId, status: null }, select: { createdAt: true } });
  if (!record) return;
  if (status === null || status >= 500 || status === 429) await prisma.idempotencyRecord.updateMany({ where: { id: recordId, status: null }, data: { expiresAt: now } });
  else await prisma.idempotencyRecord.updateMany({ where: { id: recordId, status: null }, data: { status, responseBody: body, expiresAt: new Date(record.createdAt.getTime() + IDEMPOTENCY_TTL_MS) } });
}

/** Worker housekeeping: forget answers and lapsed claims; committed results of a crash are kept 24 hours. */
export async function purgeIdempotencyRecords(prisma: PrismaClient, now: Date) {
  const dayAgo = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  return (await prisma.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now }, OR: [{ status: { not: null } }, { responseBody: null }, { createdAt: { lte: dayAgo } }] } })).count;
}
