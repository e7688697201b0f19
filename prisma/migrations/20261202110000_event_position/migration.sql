-- The events feed's order: the inserting transaction's id, then insertion order within it.
-- Rows written before this migration all take the migration's own transaction id.
ALTER TABLE "OutboxEvent" ADD COLUMN "transactionId" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint;
ALTER TABLE "OutboxEvent" ADD COLUMN "position" BIGSERIAL NOT NULL;

CREATE INDEX "OutboxEvent_transactionId_position_idx" ON "OutboxEvent"("transactionId", "position");
