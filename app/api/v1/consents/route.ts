import { apiRoutes } from "@/lib/api/api-routes";
import { systemActor } from "@/lib/api/system-actor";
import { withApiKey } from "@/lib/api/with-api-key";
import { recordExternalConsent } from "@/lib/integration/record-external-consent";

// POST /api/v1/consents — a consent collected elsewhere, with evidence; suppressed (erased) addresses are refused.
export const POST = withApiKey({
  ...apiRoutes.recordConsent,
  handler: async ({ principal, body, request }) => {
    const result = await recordExternalConsent({ actor: systemActor(principal, request), system: { id: principal.systemId, key: principal.systemKey }, input: body });
    return { status: result.changed ? 201 : 200, body: result };
  },
});
