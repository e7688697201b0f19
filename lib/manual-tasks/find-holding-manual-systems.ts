import type { Tx } from "../db/types";

/**
 * The active manual systems that hold the person, each with the person's ids in it. A system
 * holds a person when the person has an id in it (ExternalIdentity.system = its key): the one
 * record that says so, and the identifiers its owner needs to find them.
 */
export async function findHoldingManualSystems(tx: Pick<Tx, "connectedSystem" | "externalIdentity">, personId: string) {
  const systems = await tx.connectedSystem.findMany({
    where: { manual: true, active: true },
    select: { id: true, key: true, name: true, ownerEmail: true, manualInstructions: true },
    orderBy: { key: "asc" },
  });
  if (systems.length === 0) return [];
  const ids = await tx.externalIdentity.findMany({
    where: { personId, system: { in: systems.map((s) => s.key) } },
    select: { system: true, externalId: true },
    orderBy: { externalId: "asc" },
  });
  return systems
    .map((system) => ({ ...system, externalIds: ids.filter((id) => id.system === system.key).map((id) => id.externalId) }))
    .filter((system) => system.externalIds.length > 0);
}
