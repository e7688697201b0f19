-- A connected system acknowledges an event, or a data-subject request, once: a repeat answers
-- the acknowledgement already recorded. Unique per system and event, and per system and the
-- request it names itself (requestId; null when it names an event, whose request is only
-- dataRequestId), so two posts at once cannot both insert.

-- AlterTable
ALTER TABLE "Acknowledgement" ADD COLUMN "requestId" TEXT;

-- Acknowledgements of a request by requestId were those without an event.
UPDATE "Acknowledgement" SET "requestId" = "dataRequestId" WHERE "eventId" IS NULL;

-- Repeats recorded before this: each system's latest word per event or request stands (every
-- one of them stays in the audit trail).
DELETE FROM "Acknowledgement" AS a USING "Acknowledgement" AS b
WHERE a."systemId" = b."systemId" AND a."eventId" = b."eventId" AND (a."createdAt", a."id") < (b."createdAt", b."id");
DELETE FROM "Acknowledgement" AS a USING "Acknowledgement" AS b
WHERE a."systemId" = b."systemId" AND a."requestId" = b."requestId" AND (a."createdAt", a."id") < (b."createdAt", b."id");

-- CreateIndex
CREATE UNIQUE INDEX "Acknowledgement_systemId_eventId_key" ON "Acknowledgement"("systemId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Acknowledgement_systemId_requestId_key" ON "Acknowledgement"("systemId", "requestId");
