import { apiRoutes } from "@/lib/api/api-routes";
import { withApiKey } from "@/lib/api/with-api-key";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { requireLivePersonId } from "@/lib/persons/require-live-person-id";

// GET /api/v1/persons/{id}/consents — every live purpose and what the person's state means now (a merged id reads its survivor; an erased one 410).
export const GET = withApiKey<{ id: string }>({
  ...apiRoutes.listPersonConsents,
  handler: async ({ params }) => {
    const personId = await requireLivePersonId(params.id);
    const consents = await findPersonConsents({ personId, locale: "en" });
    const items = consents.map((c) => ({
      purposeKey: c.purposeKey,
      status: c.status,
      permitted: c.permitted,
      needsRenewal: c.needsRenewal,
      version: c.version,
      stateVersion: c.stateVersion,
      updatedAt: c.updatedAt?.toISOString() ?? null,
    }));
    return { status: 200, body: { items } };
  },
});
