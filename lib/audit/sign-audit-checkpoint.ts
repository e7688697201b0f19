import { getConfig } from "../config";
import type { PrismaClient } from "../db/generated/client";
import type { Tx } from "../db/types";
import { describeError, log } from "../log";
import { signCheckpoint } from "./checkpoint-note";
import { loadCheckpointSigningKey, type CheckpointSigningKey } from "./load-checkpoint-signing-key";
import { runSequencerPass, SEQUENCE_BATCH } from "./sequence-audit-log";

export interface SequencerSettings {
  /** A new checkpoint at most this often (and only when the chain has grown). */
  checkpointSeconds: number;
  /** The log's name in its checkpoints and the signing key's name, e.g. "omadata.example.fi/audit". */
  origin: string;
}

export function sequencerSettings(): SequencerSettings {
  const config = getConfig();
  return { checkpointSeconds: config.AUDIT_CHECKPOINT_SECONDS, origin: `${new URL(config.APP_URL).host}/audit` };
}

/** Signs and stores a checkpoint of the head when the chain has grown and the last one is old enough. */
async function checkpointIfDue(tx: Tx, head: { size: number; hash: string }, key: CheckpointSigningKey, settings: SequencerSettings, now: Date) {
  if (head.size === 0) return null;
  const latest = await tx.auditCheckpoint.findFirst({ orderBy: { size: "desc" }, select: { size: true, signedAt: true } });
  if (latest && latest.size >= head.size) return null;
  if (latest && now.getTime() - latest.signedAt.getTime() < settings.checkpointSeconds * 1000) return null;
  const signedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const note = signCheckpoint({ origin: settings.origin, size: head.size, rootHash: head.hash, signedAt }, key.privateKey);
  return tx.auditCheckpoint.create({ data: { size: head.size, rootHash: head.hash, signedAt, keyId: key.kid, note } });
}

/**
 * One sequencer pass: seals a batch of committed entries and signs a checkpoint when one is due
 * (when the signing key opens).
 * Gives way (sealed 0) when another worker is sequencing. `more`: a full batch, more may wait.
 */
export async function sequencerPass(prisma: PrismaClient, now: Date, settings = sequencerSettings(), options: { wait?: boolean; checkpoint?: boolean } = {}) {
  // Sealing needs no key: a key that cannot be opened (a changed ENCRYPTION_KEY) stops the
  // checkpoints, loudly, but never the chain.
  const key =
    options.checkpoint === false
      ? null
      : await loadCheckpointSigningKey(prisma).catch((error: unknown) => {
          log.error("audit.checkpoint_key_unavailable", describeError(error));
          return null;
        });
  const pass = await runSequencerPass(prisma, { wait: options.wait, after: async (tx, batch) => (key ? checkpointIfDue(tx, batch.head, key, settings, now) : null) });
  return { sealed: pass?.sealed ?? 0, more: (pass?.sealed ?? 0) >= SEQUENCE_BATCH, checkpoint: pass?.after ?? null };
}

/**
 * Seals everything committed now, waiting for a sequencer that is running, and, unless
 * `checkpoint` is false, signs a checkpoint of the result when one is due (at once with
 * `checkpointSeconds: 0`). For tests and scripts.
 */
export async function sequenceAuditLogNow(prisma: PrismaClient, settings: Partial<SequencerSettings> & { checkpoint?: boolean } = {}, now = new Date()) {
  const { checkpoint, ...rest } = settings;
  const full = { ...sequencerSettings(), ...rest };
  let sealed = 0;
  for (;;) {
    const pass = await sequencerPass(prisma, now, full, { wait: true, checkpoint });
    sealed += pass.sealed;
    if (!pass.more) return { sealed, checkpoint: pass.checkpoint };
  }
}
