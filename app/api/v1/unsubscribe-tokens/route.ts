import { apiRoutes } from "@/lib/api/api-routes";
import { withApiKey } from "@/lib/api/with-api-key";
import { getConfig } from "@/lib/config";
import { assertPurposeUnsubscribable } from "@/lib/consents/assert-purpose-unsubscribable";
import { mintUnsubscribeToken } from "@/lib/consents/mint-unsubscribe-token";
import { requireCurrentPersonId } from "@/lib/persons/require-current-person-id";

const DAY_MS = 24 * 60 * 60 * 1000;

// POST /api/v1/unsubscribe-tokens — a one-click unsubscribe link (RFC 8058) for one person and a live purpose (a merged id mints for its survivor).
export const POST = withApiKey({
  ...apiRoutes.mintUnsubscribeToken,
  handler: async ({ body }) => {
    const personId = await requireCurrentPersonId(body.personId);
    await assertPurposeUnsubscribable(body.purposeKey);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + body.expiresInDays * DAY_MS);
    const token = await mintUnsubscribeToken({ personId, purposeKey: body.purposeKey, expiresAt }, now);
    const base = getConfig().APP_URL;
    const query = `token=${encodeURIComponent(token)}`;
    return { status: 201, body: { token, url: `${base}/unsubscribe?${query}`, oneClickUrl: `${base}/api/unsubscribe?${query}`, expiresAt: expiresAt.toISOString() } };
  },
});
