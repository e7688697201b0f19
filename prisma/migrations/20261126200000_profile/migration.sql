-- CreateEnum
CREATE TYPE "DataSource" AS ENUM ('PERSON', 'STAFF', 'SYSTEM', 'IMPORT');

-- CreateEnum
CREATE TYPE "InteractionKind" AS ENUM ('PURCHASE', 'SERVICE', 'SUPPORT');

-- CreateEnum
CREATE TYPE "DataRequestType" AS ENUM ('ACCESS', 'PORTABILITY', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'OBJECTION');

-- CreateEnum
CREATE TYPE "DataRequestChannel" AS ENUM ('PORTAL', 'STAFF', 'EMAIL', 'POST');

-- CreateEnum
CREATE TYPE "DataRequestStatus" AS ENUM ('RECEIVED', 'VERIFYING', 'IN_PROGRESS', 'AWAITING_SYSTEMS', 'COMPLETED', 'DENIED', 'CANCELLED');

-- AlterTable: sessions get an id (listed and ended by it; the token never leaves the server).
-- Existing sessions get a random id, then the column has no database default, as in the schema.
ALTER TABLE "Session" ADD COLUMN     "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
ADD COLUMN     "lastSeenAt" TIMESTAMP(3),
ADD COLUMN     "userAgent" TEXT,
ADD CONSTRAINT "Session_pkey" PRIMARY KEY ("id");
ALTER TABLE "Session" ALTER COLUMN "id" DROP DEFAULT;

-- CreateTable
CREATE TABLE "PersonFieldChange" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "source" "DataSource" NOT NULL,
    "system" TEXT,
    "actorId" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonFieldChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interaction" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "kind" "InteractionKind" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "amountMinor" INTEGER,
    "currency" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Interaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailChangeRequest" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "newEmail" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "type" "DataRequestType" NOT NULL,
    "channel" "DataRequestChannel" NOT NULL,
    "status" "DataRequestStatus" NOT NULL DEFAULT 'RECEIVED',
    "description" TEXT,
    "organizationId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonFieldChange_personId_field_changedAt_idx" ON "PersonFieldChange"("personId", "field", "changedAt");

-- CreateIndex
CREATE INDEX "Interaction_personId_occurredAt_idx" ON "Interaction"("personId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Interaction_system_externalId_key" ON "Interaction"("system", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailChangeRequest_tokenHash_key" ON "EmailChangeRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailChangeRequest_personId_idx" ON "EmailChangeRequest"("personId");

-- CreateIndex
CREATE INDEX "DataRequest_personId_receivedAt_idx" ON "DataRequest"("personId", "receivedAt");

-- CreateIndex
CREATE INDEX "DataRequest_status_dueAt_idx" ON "DataRequest"("status", "dueAt");

-- AddForeignKey
ALTER TABLE "PersonFieldChange" ADD CONSTRAINT "PersonFieldChange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailChangeRequest" ADD CONSTRAINT "EmailChangeRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataRequest" ADD CONSTRAINT "DataRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

