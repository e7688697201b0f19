import type { ApiScope } from "../api-keys/scopes";
import type { PersonApiRow } from "../persons/find-persons";
import { groupExternalIds } from "../persons/group-external-ids";

/** What leaves through the API: identifiers and names; contact details only with their scope. */
export function serializePerson(row: PersonApiRow, scopes: readonly ApiScope[]) {
  return {
    id: row.id,
    email: row.email,
    givenName: row.givenName,
    familyName: row.familyName,
    preferredLanguage: row.preferredLanguage,
    externalIds: groupExternalIds(row.externalIds),
    sequence: row.sequence,
    updatedAt: row.updatedAt.toISOString(),
    ...(scopes.includes("persons:read:details")
      ? {
          details: {
            phone: row.phone,
            streetAddress: row.streetAddress,
            postalCode: row.postalCode,
            city: row.city,
            country: row.country,
            birthDate: row.birthDate ? row.birthDate.toISOString().slice(0, 10) : null,
          },
        }
      : {}),
  };
}
