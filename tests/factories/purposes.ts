// Purposes with unique keys, created and published through the domain as an admin would.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/audit/actor";
import { createPurpose } from "@/lib/consents/create-purpose";
import { publishPurposeVersion } from "@/lib/consents/publish-purpose-version";
import type { CreatePurposeInput, PurposeTexts } from "@/lib/consents/schemas";
import type { PrismaClient } from "@/lib/db/generated/client";

export const adminActor: Actor = { kind: "STAFF", id: "admin-user", role: "ADMIN" };

export const purposeTexts = (label: string, edition = 1): PurposeTexts => ({
  fi: { title: `${label} (fi) v${edition}`, description: `Kuvaus ${label} ${edition}` },
  sv: { title: `${label} (sv) v${edition}`, description: `Beskrivning ${label} ${edition}` },
  en: { title: `${label} (en) v${edition}`, description: `Description ${label} ${edition}` },
});

export const uniquePurposeKey = (label = "p") => `${label}-${randomUUID().slice(0, 8)}`;

/** Creates a purpose and publishes its version 1; returns its key. */
export async function createPublishedPurpose(overrides: Partial<CreatePurposeInput> = {}): Promise<string> {
  const key = overrides.key ?? uniquePurposeKey();
  await createPurpose({ actor: adminActor, input: { channel: "EMAIL", legalBasis: "CONSENT", texts: purposeTexts(key), ...overrides, key } });
  await publishPurposeVersion({ actor: adminActor, input: { purposeKey: key, version: 1, material: true } });
  return key;
}

/** Row counts of everything a consent change may write, to show that a refusal wrote nothing. */
export async function consentWriteCounts(prisma: PrismaClient) {
  return {
    events: await prisma.consentEvent.count(),
    states: await prisma.consentState.count(),
    confirmations: await prisma.consentConfirmation.count(),
    audit: await prisma.auditEntry.count(),
    outbox: await prisma.outboxEvent.count(),
    purposes: await prisma.purpose.count(),
    versions: await prisma.purposeVersion.count(),
  };
}
