import { apiRoutes } from "@/lib/api/api-routes";
import { encodePageCursor } from "@/lib/api/page-cursor";
import { serializePerson } from "@/lib/api/serialize-person";
import { withApiKey } from "@/lib/api/with-api-key";
import { findPersons } from "@/lib/persons/find-persons";

// GET /api/v1/persons?email=…|externalId=…[&system=…]|updatedSince=… — look up or list persons, by cursor (a cursor this list did not issue: 400).
export const GET = withApiKey({
  ...apiRoutes.listPersons,
  handler: async ({ principal, query }) => {
    const page = await findPersons({ ...query, system: query.system ?? principal.systemKey });
    const nextCursor = page.nextCursor ? encodePageCursor("persons", page.nextCursor) : null;
    return { status: 200, body: { items: page.items.map((p) => serializePerson(p, principal.scopes)), nextCursor } };
  },
});
