import { apiRoutes } from "@/lib/api/api-routes";
import { withApiKey } from "@/lib/api/with-api-key";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { AppError } from "@/lib/errors";
import { getPersonRecord } from "@/lib/persons/get-person-record";

// GET /api/v1/persons/{id}/consents — every live purpose and what the person's state means now.
export const GET = withApiKey<{ id: string }>({
  ...apiRoutes.listPersonConsents,
  handler: async ({ params }) => {
    if (!(await getPersonRecord(params.id))) throw new AppError("NOT_FOUND", "no such person");
    const consents = await findPersonConsents({ personId: params.id, locale: "en" });
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
