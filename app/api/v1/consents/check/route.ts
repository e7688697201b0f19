import { apiRoutes } from "@/lib/api/api-routes";
import { withApiKey } from "@/lib/api/with-api-key";
import { checkConsents } from "@/lib/integration/check-consents";

// POST /api/v1/consents/check — before a send: up to 1,000 persons × purposes, permitted or not.
export const POST = withApiKey({
  ...apiRoutes.checkConsents,
  handler: async ({ principal, body }) => ({ status: 200, body: await checkConsents({ systemKey: principal.systemKey, ...body }) }),
});
