import { apiRoutes } from "@/lib/api/api-routes";
import { serializePersonConsent } from "@/lib/api/serialize-person-consent";
import { withApiKey } from "@/lib/api/with-api-key";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { requireLivePersonId } from "@/lib/persons/require-live-person-id";

// GET /api/v1/persons/{id}/consents — every live purpose and what the person's state means now (a merged id reads its survivor; an erased one 410).
export const GET = withApiKey<{ id: string }>({
  ...apiRoutes.listPersonConsents,
  handler: async ({ params }) => {
    const personId = await requireLivePersonId(params.id);
    const consents = await findPersonConsents({ personId, locale: "en" });
    return { status: 200, body: { items: consents.map(serializePersonConsent) } };
  },
});
