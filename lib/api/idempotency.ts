// Idempotency-Key: the first answer to a POST/PATCH is kept for 24 hours and replayed to any
// retry with the same key, so a retry after a lost answer writes nothing more.
import { createHash } from "node:crypto";
import { db } from "../db/client";
import { Prisma, type PrismaClient } from "../db/generated/client";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyStart =
  | { kind: "new"; recordId: string }
  | { kind: "replay"; status: number; body: string }
  | { kind: "in_progress" }
  | { kind: "mismatch" };

export const requestFingerprint = (method: string, path: string, body: string) => createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");

/** Claims the key for this request, or says what to answer instead. */
export async function startIdempotentRequest(systemId: string, key: string, fingerprint: string, now = new Date()): Promise<IdempotencyStart> {
  const prisma = await db();
  const existing = await prisma.idempotencyRecord.findUnique({ where: { systemId_key: { systemId, key } } });
  if (existing && existing.expiresAt <= now) await prisma.idempotencyRecord.deleteMany({ where: { id: existing.id } });
  else if (existing) {
    if (existing.requestHash !== fingerprint) return { kind: "mismatch" };
    if (existing.status === null || existing.responseBody === null) return { kind: "in_progress" };
    return { kind: "replay", status: existing.status, body: existing.responseBody };
  }
  try {
    const created = await prisma.idempotencyRecord.create({
      data: { systemId, key, requestHash: fingerprint, createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) },
      select: { id: true },
    });
    return { kind: "new", recordId: created.id };
  } catch (error) {
    // A concurrent request with the same key claimed it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { kind: "in_progress" };
    throw error;
  }
}

/** Keeps the answer for replay; an answer that should not be replayed (5xx, 429) frees the key. */
export async function finishIdempotentRequest(recordId: string, status: number, body: string): Promise<void> {
  const prisma = await db();
  if (status >= 500 || status === 429) await prisma.idempotencyRecord.deleteMany({ where: { id: recordId } });
  else await prisma.idempotencyRecord.updateMany({ where: { id: recordId }, data: { status, responseBody: body } });
}

/** Worker housekeeping: forget answers older than 24 hours. */
export async function purgeIdempotencyRecords(prisma: PrismaClient, now: Date) {
  return (await prisma.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
