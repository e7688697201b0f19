-- Back-office: customer search (trigram indexes), identity resolution (person aliases, moving
-- consent history on merge) and CSV import (files in chunks, jobs with progress, row errors).

-- Typo-tolerant search on names and emails; shipped with PGlite too (loaded in lib/db/connection.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "PersonAlias" (
    "aliasId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "mergedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonAlias_pkey" PRIMARY KEY ("aliasId")
);

-- CreateTable
CREATE TABLE "ImportFile" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "columns" TEXT[],
    "delimiter" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportFileChunk" (
    "fileId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "ImportFileChunk_pkey" PRIMARY KEY ("fileId","index")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL,
    "status" "ImportJobStatus" NOT NULL DEFAULT 'QUEUED',
    "mapping" JSONB NOT NULL,
    "system" TEXT NOT NULL,
    "createdById" TEXT,
    "byteOffset" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdRows" INTEGER NOT NULL DEFAULT 0,
    "matchedRows" INTEGER NOT NULL DEFAULT 0,
    "suppressedRows" INTEGER NOT NULL DEFAULT 0,
    "errorRows" INTEGER NOT NULL DEFAULT 0,
    "consentsRecorded" INTEGER NOT NULL DEFAULT 0,
    "leasedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRowError" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "column" TEXT,
    "reason" TEXT NOT NULL,

    CONSTRAINT "ImportRowError_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonAlias_personId_idx" ON "PersonAlias"("personId");

-- CreateIndex
CREATE INDEX "ImportJob_status_createdAt_idx" ON "ImportJob"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ImportRowError_jobId_row_idx" ON "ImportRowError"("jobId", "row");

-- CreateIndex
CREATE INDEX "Person_familyName_idx" ON "Person" USING GIN ("familyName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_givenName_idx" ON "Person" USING GIN ("givenName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_email_idx" ON "Person" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_phone_idx" ON "Person"("phone");

-- CreateIndex
CREATE INDEX "Person_postalCode_idx" ON "Person"("postalCode");

-- CreateIndex
CREATE INDEX "ExternalIdentity_externalId_idx" ON "ExternalIdentity"("externalId");

-- AddForeignKey
ALTER TABLE "PersonAlias" ADD CONSTRAINT "PersonAlias_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportFileChunk" ADD CONSTRAINT "ImportFileChunk_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "ImportFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "ImportFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRowError" ADD CONSTRAINT "ImportRowError_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Merging duplicate persons moves their consent history to the surviving person. The history
-- stays append-only otherwise: only "personId" may change, only to the survivor that the merge
-- transaction announced (set_config('omadata.merge_survivor', id, true)), and every other column
-- must stay exactly as it was.
CREATE OR REPLACE FUNCTION "consent_event_is_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."personId" = nullif(current_setting('omadata.merge_survivor', true), '')
     AND (to_jsonb(NEW) - 'personId') = (to_jsonb(OLD) - 'personId') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ConsentEvent is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
