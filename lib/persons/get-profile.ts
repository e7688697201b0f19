import { db } from "../db/client";
import type { DataSource } from "../db/generated/enums";
import { howSystemUpdates } from "../propagation/how-system-updates";
import type { CorrectableField } from "./schemas";

export interface Provenance {
  source: DataSource;
  system: string | null;
  changedAt: Date;
}

const profileFields = ["email", "givenName", "familyName", "phone", "streetAddress", "postalCode", "city", "country", "preferredLanguage", "birthDate"] as const;
export type ProfileField = CorrectableField | "email";

/** Everything the portal shows about a person's own record, with where each value came from. */
export async function getProfile(personId: string) {
  const prisma = await db();
  const person = await prisma.person.findUnique({
    where: { id: personId },
    select: {
      id: true, email: true, givenName: true, familyName: true, phone: true, streetAddress: true,
      postalCode: true, city: true, country: true, preferredLanguage: true, birthDate: true, createdAt: true,
      memberships: {
        select: { id: true, role: true, createdAt: true, organization: { select: { id: true, name: true, businessId: true } } },
        orderBy: { createdAt: "asc" },
      },
      externalIds: { select: { system: true, linkedAt: true }, orderBy: { linkedAt: "asc" } },
    },
  });
  if (!person) return null;

  const changes = await prisma.personFieldChange.findMany({
    where: { personId },
    orderBy: { changedAt: "desc" },
    select: { field: true, source: true, system: true, changedAt: true },
  });
  const provenance: Partial<Record<ProfileField, Provenance>> = {};
  for (const change of changes) provenance[change.field as ProfileField] ??= change;

  const { memberships, externalIds, ...fields } = person;
  const known = await prisma.connectedSystem.findMany({
    where: { key: { in: [...new Set(externalIds.map((e) => e.system))] } },
    select: { key: true, name: true, manual: true, webhookUrl: true, eventTypes: true },
  });
  return {
    fields: { ...fields, birthDate: fields.birthDate ? fields.birthDate.toISOString().slice(0, 10) : null },
    provenance,
    fieldOrder: profileFields,
    organisations: memberships.map((m) => ({ membershipId: m.id, role: m.role, since: m.createdAt, ...m.organization })),
    /**
     * One entry per system holding the person, with the earliest link: its name (null when it is
     * not a connected system; the key is never shown) and how corrections reach it.
     */
    systems: [...new Map(externalIds.map((e) => [e.system, e])).values()].map((e) => {
      const system = known.find((s) => s.key === e.system);
      return { key: e.system, name: system?.name ?? null, linkedAt: e.linkedAt, updates: howSystemUpdates(system) };
    }),
  };
}

export type Profile = NonNullable<Awaited<ReturnType<typeof getProfile>>>;
