-- Requests: the data-subject request lifecycle (assignee, extension, cooling-off, on-behalf
-- confirmation), its timeline, the export files, restriction and erasure marks on Person, and
-- the once-a-day job ledger (officers' digest).

-- CreateEnum
CREATE TYPE "DataExportStatus" AS ENUM ('PENDING', 'BUILDING', 'READY', 'FAILED', 'EXPIRED');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "restrictedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "DataRequest" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "confirmExpiresAt" TIMESTAMP(3),
ADD COLUMN     "confirmTokenHash" TEXT,
ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "decisionReason" TEXT,
ADD COLUMN     "extendedDueAt" TIMESTAMP(3),
ADD COLUMN     "extensionReason" TEXT,
ADD COLUMN     "notifyLocale" TEXT,
ADD COLUMN     "purposeKeys" TEXT[],
ADD COLUMN     "scheduledFor" TIMESTAMP(3),
ADD COLUMN     "sealedNotifyEmail" TEXT;

-- CreateTable
CREATE TABLE "DataRequestStep" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "DataRequestStatus",
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "DataRequestStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataExport" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" "DataExportStatus" NOT NULL DEFAULT 'PENDING',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "content" BYTEA,
    "sizeBytes" INTEGER,
    "sha256" TEXT,
    "claimedBy" TEXT,
    "claimedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "readyAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "downloads" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataExport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyJobRun" (
    "job" TEXT NOT NULL,
    "lastDay" TEXT NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DailyJobRun_pkey" PRIMARY KEY ("job")
);

-- CreateIndex
CREATE INDEX "DataRequestStep_requestId_at_idx" ON "DataRequestStep"("requestId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "DataExport_requestId_key" ON "DataExport"("requestId");

-- CreateIndex
CREATE INDEX "DataExport_status_createdAt_idx" ON "DataExport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DataExport_status_expiresAt_idx" ON "DataExport"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequest_confirmTokenHash_key" ON "DataRequest"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "DataRequest_status_scheduledFor_idx" ON "DataRequest"("status", "scheduledFor");

-- AddForeignKey
ALTER TABLE "DataRequest" ADD CONSTRAINT "DataRequest_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataRequestStep" ADD CONSTRAINT "DataRequestStep_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DataRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataExport" ADD CONSTRAINT "DataExport_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DataRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Requests opened before this migration get their first timeline step.
INSERT INTO "DataRequestStep" ("id", "requestId", "at", "kind", "status", "actorKind", "actorId")
SELECT gen_random_uuid()::text, "id", "receivedAt", 'received', 'RECEIVED', 'PERSON', NULL FROM "DataRequest";
