import { apiRoutes } from "@/lib/api/api-routes";
import { systemActor } from "@/lib/api/system-actor";
import { withApiKey } from "@/lib/api/with-api-key";
import { recordAcknowledgement } from "@/lib/propagation/record-acknowledgement";

// POST /api/v1/acknowledgements — the system confirms it carried out an event or request (Art. 19 evidence).
export const POST = withApiKey({
  ...apiRoutes.acknowledge,
  handler: async ({ principal, body, request }) => ({
    status: 201,
    body: await recordAcknowledgement({ actor: systemActor(principal, request), systemId: principal.systemId, input: body }),
  }),
});
