import { decryptSecret } from "../crypto/encryption";
import type { PrismaClient } from "../db/generated/client";
import type { Tx } from "../db/types";
import { webhookSecretContext } from "./generate-webhook-secret";

/**
 * The secrets that sign a system's webhooks now: the current one and, for 24 hours after a
 * rotation, the previous one too (the signature header carries one signature per secret).
 */
export async function loadSigningSecrets(prisma: PrismaClient | Tx, systemId: string, now: Date): Promise<string[]> {
  const rows = await prisma.webhookSecret.findMany({
    where: { systemId, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, encryptedSecret: true },
  });
  return rows.map((row) => decryptSecret(row.encryptedSecret, webhookSecretContext(row.id)));
}
