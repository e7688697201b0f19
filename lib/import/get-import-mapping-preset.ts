import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { assertStaffRole } from "../staff/assert-staff-role";
import { importMappingSchema, type ImportMapping } from "./schemas";

export interface ImportMappingPresetView {
  system: string;
  /** The saved mapping, keeping only the columns this file has. */
  mapping: ImportMapping;
  /** How many of the saved columns this file has, of how many were saved. */
  kept: number;
  saved: number;
  updatedAt: Date;
}

/**
 * The mapping saved for a source system (when its last import was queued), fitted to a new file:
 * columns the file has keep their saved target, the others are left out; the country value map is
 * kept whole. Without `system`, the source whose saved mapping fits the file best (most columns,
 * then the newest). Null when no saved column is in the file. ADMIN only.
 */
export async function getImportMappingPreset({ actor, columns, system }: { actor: Actor; columns: string[]; system?: string }): Promise<ImportMappingPresetView | null> {
  assertStaffRole(actor, "ADMIN");
  const presets = await (await db()).importMappingPreset.findMany({
    where: system ? { system } : {},
    orderBy: { updatedAt: "desc" },
    select: { system: true, mapping: true, updatedAt: true },
  });
  let best: ImportMappingPresetView | null = null;
  for (const preset of presets) {
    const parsed = importMappingSchema.safeParse(preset.mapping);
    if (!parsed.success) continue;
    const saved = [...Object.values(parsed.data.fields), ...Object.values(parsed.data.consents)].filter(Boolean).length;
    const fields = Object.fromEntries(Object.entries(parsed.data.fields).filter(([, c]) => c && columns.includes(c)));
    const consents = Object.fromEntries(Object.entries(parsed.data.consents).filter(([, c]) => columns.includes(c)));
    const kept = Object.keys(fields).length + Object.keys(consents).length;
    if (kept > 0 && (!best || kept > best.kept)) {
      best = { system: preset.system, mapping: { fields, consents, values: parsed.data.values }, kept, saved, updatedAt: preset.updatedAt };
    }
  }
  return best;
}
