import { apiRoutes } from "@/lib/api/api-routes";
import { systemActor } from "@/lib/api/system-actor";
import { withApiKey } from "@/lib/api/with-api-key";
import { recordAcknowledgement } from "@/lib/propagation/record-acknowledgement";

// POST /api/v1/acknowledgements — the system confirms it carried out an event or request (Art. 19 evidence); once per event or request: a repeat answers 200 with the same one.
export const POST = withApiKey({
  ...apiRoutes.acknowledge,
  handler: async ({ principal, body, request }) => {
    const { created, acknowledgement } = await recordAcknowledgement({ actor: systemActor(principal, request), systemId: principal.systemId, input: body });
    return { status: created ? 201 : 200, body: acknowledgement };
  },
});
