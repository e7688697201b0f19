import { apiRoutes } from "@/lib/api/api-routes";
import { systemActor } from "@/lib/api/system-actor";
import { withApiKey } from "@/lib/api/with-api-key";
import { recordInteraction } from "@/lib/persons/record-interaction";
import { requireCurrentPersonId } from "@/lib/persons/require-current-person-id";

// POST /api/v1/persons/{id}/interactions — purchase/service history; the same externalId again answers the stored one; a merged id records on its survivor.
export const POST = withApiKey({
  ...apiRoutes.recordInteraction,
  handler: async ({ principal, params, body, request }) => {
    const result = await recordInteraction({
      actor: systemActor(principal, request),
      personId: await requireCurrentPersonId((params as { id: string }).id),
      system: principal.systemKey,
      input: body,
    });
    return { status: result.created ? 201 : 200, body: result };
  },
});
