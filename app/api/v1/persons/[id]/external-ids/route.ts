import { apiRoutes } from "@/lib/api/api-routes";
import { systemActor } from "@/lib/api/system-actor";
import { withApiKey } from "@/lib/api/with-api-key";
import { linkExternalIdentity } from "@/lib/persons/link-external-identity";
import { requireCurrentPersonId } from "@/lib/persons/require-current-person-id";

// POST /api/v1/persons/{id}/external-ids — link one more of the calling system's own ids (201 new, 200 already linked); a merged id links to its survivor.
export const POST = withApiKey({
  ...apiRoutes.linkExternalId,
  handler: async ({ principal, params, body, request }) => {
    const result = await linkExternalIdentity({
      actor: systemActor(principal, request),
      personId: await requireCurrentPersonId((params as { id: string }).id),
      system: principal.systemKey,
      externalId: body.externalId,
    });
    return { status: result.linked ? 201 : 200, body: result };
  },
});
