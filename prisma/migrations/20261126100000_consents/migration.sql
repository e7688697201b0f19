-- CreateEnum
CREATE TYPE "PurposeChannel" AS ENUM ('EMAIL', 'SMS', 'PHONE', 'POST', 'NONE');

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('CONSENT', 'LEGITIMATE_INTEREST');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('GRANTED', 'WITHDRAWN', 'PENDING_CONFIRMATION');

-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('PORTAL', 'API', 'IMPORT', 'GPC', 'UNSUBSCRIBE_LINK', 'STAFF');

-- CreateTable
CREATE TABLE "Purpose" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "channel" "PurposeChannel" NOT NULL,
    "legalBasis" "LegalBasis" NOT NULL,
    "isSaleOrSharing" BOOLEAN NOT NULL DEFAULT false,
    "requiresDoubleOptIn" BOOLEAN NOT NULL DEFAULT false,
    "piiCategories" TEXT[],
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "currentVersion" INTEGER NOT NULL DEFAULT 0,
    "renewalFromVersion" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Purpose_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurposeVersion" (
    "id" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "texts" JSONB NOT NULL,
    "material" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurposeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "purposeVersionId" TEXT NOT NULL,
    "status" "ConsentStatus" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "connectedSystemId" TEXT,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "ipHash" TEXT,
    "userAgent" TEXT,
    "locale" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentState" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "purposeVersionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ConsentStatus" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "lastEventId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsentState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentConfirmation" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "pendingEventId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL,
    "use" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "encryptedPrivateJwk" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateIndex
CREATE UNIQUE INDEX "Purpose_key_key" ON "Purpose"("key");

-- CreateIndex
CREATE UNIQUE INDEX "PurposeVersion_purposeId_version_key" ON "PurposeVersion"("purposeId", "version");

-- CreateIndex
CREATE INDEX "ConsentEvent_personId_occurredAt_idx" ON "ConsentEvent"("personId", "occurredAt");

-- CreateIndex
CREATE INDEX "ConsentEvent_purposeId_idx" ON "ConsentEvent"("purposeId");

-- CreateIndex
CREATE INDEX "ConsentState_purposeId_status_idx" ON "ConsentState"("purposeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentState_personId_purposeId_key" ON "ConsentState"("personId", "purposeId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentConfirmation_pendingEventId_key" ON "ConsentConfirmation"("pendingEventId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentConfirmation_tokenHash_key" ON "ConsentConfirmation"("tokenHash");

-- CreateIndex
CREATE INDEX "ConsentConfirmation_personId_idx" ON "ConsentConfirmation"("personId");

-- CreateIndex
CREATE INDEX "SigningKey_use_createdAt_idx" ON "SigningKey"("use", "createdAt");

-- AddForeignKey
ALTER TABLE "PurposeVersion" ADD CONSTRAINT "PurposeVersion_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_purposeVersionId_fkey" FOREIGN KEY ("purposeVersionId") REFERENCES "PurposeVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentState" ADD CONSTRAINT "ConsentState_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentState" ADD CONSTRAINT "ConsentState_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentState" ADD CONSTRAINT "ConsentState_purposeVersionId_fkey" FOREIGN KEY ("purposeVersionId") REFERENCES "PurposeVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentConfirmation" ADD CONSTRAINT "ConsentConfirmation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentConfirmation" ADD CONSTRAINT "ConsentConfirmation_pendingEventId_fkey" FOREIGN KEY ("pendingEventId") REFERENCES "ConsentEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Consent history is proof (GDPR Art. 7(1)): the database refuses to change its rows. Deleting
-- stays possible, because erasing a person removes their events with them.
CREATE FUNCTION "consent_event_is_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ConsentEvent is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ConsentEvent_no_update"
  BEFORE UPDATE ON "ConsentEvent"
  FOR EACH ROW EXECUTE FUNCTION "consent_event_is_append_only"();
