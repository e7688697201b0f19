-- Manual systems: a system that holds data but is not connected. Its owner is told by email of
-- each rectification, restriction or erasure of a person it holds and carries it out by hand;
-- staff mark the task done with a note, and an erasure completes only when its tasks are done.

-- CreateEnum
CREATE TYPE "ManualTaskKind" AS ENUM ('RECTIFICATION', 'RESTRICTION', 'ERASURE');

-- CreateEnum
CREATE TYPE "ManualTaskStatus" AS ENUM ('OPEN', 'DONE');

-- AlterTable
ALTER TABLE "ConnectedSystem" ADD COLUMN     "manual" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "manualInstructions" TEXT,
ADD COLUMN     "ownerEmail" TEXT;

-- CreateTable
CREATE TABLE "ManualTask" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "dataRequestId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" "ManualTaskKind" NOT NULL,
    "status" "ManualTaskStatus" NOT NULL DEFAULT 'OPEN',
    "externalIds" TEXT[],
    "note" TEXT,
    "doneAt" TIMESTAMP(3),
    "doneById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManualTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ManualTask_dataRequestId_idx" ON "ManualTask"("dataRequestId");

-- CreateIndex
CREATE INDEX "ManualTask_personId_idx" ON "ManualTask"("personId");

-- CreateIndex
CREATE INDEX "ManualTask_status_createdAt_idx" ON "ManualTask"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ManualTask_systemId_dataRequestId_key" ON "ManualTask"("systemId", "dataRequestId");

-- AddForeignKey
ALTER TABLE "ManualTask" ADD CONSTRAINT "ManualTask_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "ConnectedSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManualTask" ADD CONSTRAINT "ManualTask_dataRequestId_fkey" FOREIGN KEY ("dataRequestId") REFERENCES "DataRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
