-- The audit log is sequenced after commit (lib/audit/sequence-audit-log.ts): a change inserts its
-- entries with no lock and no place in the chain (seq, prevHash and hash null); the worker's
-- sequencer integrates committed entries in batches (each pass what has committed before it; in a
-- batch, in (transactionId, id) order) and signs checkpoints.

-- The insertion id (entries written before this migration keep their sequence number as it) and
-- the inserting transaction's id.
ALTER TABLE "AuditEntry" ADD COLUMN "id" INTEGER;
ALTER TABLE "AuditEntry" ADD COLUMN "transactionId" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint;
ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_no_update_or_delete";
UPDATE "AuditEntry" SET "id" = "seq";
ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_no_update_or_delete";
CREATE SEQUENCE "AuditEntry_id_seq" AS INTEGER OWNED BY "AuditEntry"."id";
SELECT setval('"AuditEntry_id_seq"', COALESCE((SELECT max("id") FROM "AuditEntry"), 0) + 1, false);
ALTER TABLE "AuditEntry" ALTER COLUMN "id" SET DEFAULT nextval('"AuditEntry_id_seq"'), ALTER COLUMN "id" SET NOT NULL;

ALTER TABLE "AuditEntry" DROP CONSTRAINT "AuditEntry_pkey";
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id");
ALTER TABLE "AuditEntry" ALTER COLUMN "seq" DROP NOT NULL, ALTER COLUMN "prevHash" DROP NOT NULL, ALTER COLUMN "hash" DROP NOT NULL;
CREATE UNIQUE INDEX "AuditEntry_seq_key" ON "AuditEntry"("seq");
-- The sequencer's look-up of what is waiting (seq IS NULL), in its order.
CREATE INDEX "AuditEntry_seq_transactionId_id_idx" ON "AuditEntry"("seq", "transactionId", "id");
-- Lists are in insertion order now (an entry has its seq only once sealed).
DROP INDEX "AuditEntry_personId_seq_idx";
DROP INDEX "AuditEntry_action_seq_idx";
CREATE INDEX "AuditEntry_personId_id_idx" ON "AuditEntry"("personId", "id");
CREATE INDEX "AuditEntry_action_id_idx" ON "AuditEntry"("action", "id");

-- Still append-only, except for sealing: the sequencer may set seq, prevHash and hash once, on an
-- entry that has none, and change nothing else.
CREATE OR REPLACE FUNCTION "audit_entry_is_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."seq" IS NULL AND OLD."prevHash" IS NULL AND OLD."hash" IS NULL
     AND NEW."seq" IS NOT NULL AND NEW."prevHash" IS NOT NULL AND NEW."hash" IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'prevHash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prevHash' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEntry is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

-- A signed checkpoint of the chain: its size (the last seq), the head hash, when, and the
-- C2SP signed note (tlog-checkpoint) signed with the audit-checkpoint Ed25519 key.
CREATE TABLE "AuditCheckpoint" (
    "size" INTEGER NOT NULL,
    "rootHash" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "keyId" TEXT NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("size")
);
CREATE INDEX "AuditCheckpoint_signedAt_idx" ON "AuditCheckpoint"("signedAt");
