-- Propagation: connected systems, webhook deliveries and their attempts, integration API keys,
-- idempotency records, acknowledgements, external consent evidence, suppressions, admin notices.

-- CreateEnum
CREATE TYPE "ConnectedSystemKind" AS ENUM ('CRM', 'MARKETING_AUTOMATION', 'WEB_SHOP', 'OTHER');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'IN_FLIGHT', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AcknowledgementStatus" AS ENUM ('DONE', 'FAILED');

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "dispatchedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ConnectedSystem" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ConnectedSystemKind" NOT NULL,
    "webhookUrl" TEXT,
    "eventTypes" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "requiresErasureAck" BOOLEAN NOT NULL DEFAULT false,
    "disabledReason" TEXT,
    "disabledAt" TIMESTAMP(3),
    "failingSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectedSystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookSecret" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "encryptedSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" TIMESTAMP(3),

    CONSTRAINT "WebhookSecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "personId" TEXT,
    "eventType" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "leasedBy" TEXT,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "responseSnippet" TEXT,
    "workerId" TEXT,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "responseBody" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Acknowledgement" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "eventId" TEXT,
    "deliveryId" TEXT,
    "dataRequestId" TEXT,
    "personId" TEXT,
    "status" "AcknowledgementStatus" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Acknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalConsentEvidence" (
    "id" TEXT NOT NULL,
    "consentEventId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "collectedAt" TIMESTAMP(3) NOT NULL,
    "method" TEXT NOT NULL,
    "reference" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalConsentEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminNotice" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "systemId" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "AdminNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectedSystem_key_key" ON "ConnectedSystem"("key");

-- CreateIndex
CREATE INDEX "WebhookSecret_systemId_idx" ON "WebhookSecret"("systemId");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_webhookId_key" ON "Delivery"("webhookId");

-- CreateIndex
CREATE INDEX "Delivery_status_nextAttemptAt_idx" ON "Delivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Delivery_systemId_createdAt_idx" ON "Delivery"("systemId", "createdAt");

-- CreateIndex
CREATE INDEX "Delivery_personId_createdAt_idx" ON "Delivery"("personId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_eventId_systemId_key" ON "Delivery"("eventId", "systemId");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_deliveryId_startedAt_idx" ON "DeliveryAttempt"("deliveryId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_systemId_idx" ON "ApiKey"("systemId");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_systemId_key_key" ON "IdempotencyRecord"("systemId", "key");

-- CreateIndex
CREATE INDEX "Acknowledgement_eventId_idx" ON "Acknowledgement"("eventId");

-- CreateIndex
CREATE INDEX "Acknowledgement_dataRequestId_idx" ON "Acknowledgement"("dataRequestId");

-- CreateIndex
CREATE INDEX "Acknowledgement_systemId_createdAt_idx" ON "Acknowledgement"("systemId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalConsentEvidence_consentEventId_key" ON "ExternalConsentEvidence"("consentEventId");

-- CreateIndex
CREATE INDEX "ExternalConsentEvidence_systemId_idx" ON "ExternalConsentEvidence"("systemId");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_hash_key" ON "Suppression"("hash");

-- CreateIndex
CREATE INDEX "AdminNotice_resolvedAt_createdAt_idx" ON "AdminNotice"("resolvedAt", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEvent_dispatchedAt_occurredAt_idx" ON "OutboxEvent"("dispatchedAt", "occurredAt");

-- AddForeignKey
ALTER TABLE "WebhookSecret" ADD CONSTRAINT "WebhookSecret_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "ConnectedSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutboxEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "ConnectedSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "ConnectedSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "ConnectedSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutboxEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminNotice" ADD CONSTRAINT "AdminNotice_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "ConnectedSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Events written before connected systems existed have no one to go to.
UPDATE "OutboxEvent" SET "dispatchedAt" = "occurredAt" WHERE "dispatchedAt" IS NULL;
