-- Manual systems' tasks close the remaining gaps: lifting a restriction gives each manual system
-- holding the person a task of its own (beside the restriction's task of the same request), a
-- task whose request closed before it was done is cancelled rather than left open, and a manual
-- system keeps no webhook signing secret (it receives no webhooks).

-- AlterEnum
ALTER TYPE "ManualTaskKind" ADD VALUE 'RESTRICTION_LIFTED' AFTER 'RESTRICTION';

-- AlterEnum
ALTER TYPE "ManualTaskStatus" ADD VALUE 'CANCELLED';

-- DropIndex
DROP INDEX "ManualTask_systemId_dataRequestId_key";

-- CreateIndex
CREATE UNIQUE INDEX "ManualTask_systemId_dataRequestId_kind_key" ON "ManualTask"("systemId", "dataRequestId", "kind");

-- Secrets made for manual systems before they stopped getting one.
DELETE FROM "WebhookSecret" WHERE "systemId" IN (SELECT "id" FROM "ConnectedSystem" WHERE "manual");
