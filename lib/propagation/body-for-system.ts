// One event as a given system receives it (webhook body and GET /api/v1/events item): the stored
// payload holds everything; contact details leave only for systems whose keys hold
// persons:read:details, as on GET /api/v1/persons/{id}.
import { Prisma } from "../db/generated/client";

/**
 * Whether the connected system aliased `s` may read details, decided by the keys it holds now:
 * the one test the fan-out and the claim of deliveries share.
 */
export const systemMayReadDetailsSql = Prisma.sql`EXISTS (SELECT 1 FROM "ApiKey" k WHERE k."systemId" = s."id" AND k."revokedAt" IS NULL AND 'persons:read:details' = ANY(k."scopes"))`;

/** The profile fields that are details (serializePerson's `details`). */
export const detailFields: readonly string[] = ["phone", "streetAddress", "postalCode", "city", "country", "birthDate"];

type Payload = { data?: unknown };

/** The payload without details: data.person.details, and detail fields named in data.values, changedFields or fields. */
export function withoutDetails<T extends Payload>(payload: T): T {
  const data = payload.data;
  if (!data || typeof data !== "object" || Array.isArray(data)) return payload;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  if (copy.person && typeof copy.person === "object") {
    const person = { ...(copy.person as Record<string, unknown>) };
    delete person.details;
    copy.person = person;
  }
  if (copy.values && typeof copy.values === "object") {
    copy.values = Object.fromEntries(Object.entries(copy.values as Record<string, unknown>).filter(([field]) => !detailFields.includes(field)));
  }
  for (const list of ["changedFields", "fields"]) {
    if (Array.isArray(copy[list])) copy[list] = (copy[list] as unknown[]).filter((field) => !detailFields.includes(field as string));
  }
  return { ...payload, data: copy };
}

/** The webhook body (JSON text) for a system: as stored when it may read details. */
export function bodyForSystem(storedBody: string, mayReadDetails: boolean): string {
  return mayReadDetails ? storedBody : JSON.stringify(withoutDetails(JSON.parse(storedBody) as Payload));
}
