-- Import and identity: file encodings, all-or-nothing imports with organisations and duplicate
-- candidates, the mapping saved per source system.

-- AlterTable
ALTER TABLE "ImportFile" ADD COLUMN "encoding" TEXT NOT NULL DEFAULT 'utf-8';

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN "consentsGranted" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "consentsWithdrawn" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "organisationsCreated" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "organisationsMatched" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "membershipsCreated" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "duplicateCandidates" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "keepValidRows" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "committed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "requestedBySystemId" TEXT;

-- CreateTable
CREATE TABLE "ImportMappingPreset" (
    "system" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMappingPreset_pkey" PRIMARY KEY ("system")
);

-- CreateTable
CREATE TABLE "DuplicateCandidate" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "otherPersonId" TEXT NOT NULL,
    "reasons" TEXT[],
    "importJobId" TEXT,
    "line" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DuplicateCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DuplicateCandidate_otherPersonId_idx" ON "DuplicateCandidate"("otherPersonId");

-- CreateIndex
CREATE UNIQUE INDEX "DuplicateCandidate_personId_otherPersonId_key" ON "DuplicateCandidate"("personId", "otherPersonId");

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_otherPersonId_fkey" FOREIGN KEY ("otherPersonId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
