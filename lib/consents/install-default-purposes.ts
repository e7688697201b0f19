import type { AuditInput } from "../audit/append-audit-entry";
import type { Tx } from "../db/types";
import { defaultPurposes } from "./default-purposes";

/**
 * Creates the default purposes with version 1 published, inside the caller's change transaction
 * (the demo seed); returns their audit entries. Skips keys that already exist.
 */
export async function installDefaultPurposes(tx: Tx, now: Date): Promise<AuditInput[]> {
  const audit: AuditInput[] = [];
  for (const [index, { texts, ...fields }] of defaultPurposes.entries()) {
    if (await tx.purpose.findUnique({ where: { key: fields.key }, select: { id: true } })) continue;
    const purpose = await tx.purpose.create({
      data: { ...fields, sortOrder: (index + 1) * 10, currentVersion: 1, renewalFromVersion: 1, versions: { create: { version: 1, texts, material: true, publishedAt: now } } },
      select: { id: true, key: true },
    });
    audit.push({ action: "purpose.created", target: `Purpose:${purpose.id}`, details: { purposeKey: purpose.key, publishedVersion: 1 } });
  }
  return audit;
}
