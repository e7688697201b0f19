import { apiRoutes } from "@/lib/api/api-routes";
import { encodePageCursor } from "@/lib/api/page-cursor";
import { withApiKey } from "@/lib/api/with-api-key";
import { findDeliveries } from "@/lib/propagation/find-deliveries";

// GET /api/v1/events — the calling system's deliveries, newest first, by cursor (to reconcile missed webhooks; a cursor this list did not issue: 400).
export const GET = withApiKey({
  ...apiRoutes.listEvents,
  handler: async ({ principal, query }) => {
    const page = await findDeliveries({ systemId: principal.systemId, status: query.status, eventType: query.type, cursor: query.cursor, take: query.limit });
    const items = page.items.map((d) => ({
      webhookId: d.webhookId,
      eventId: d.eventId,
      type: d.eventType,
      personId: d.personId,
      status: d.status,
      attempts: d.attempts,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    }));
    return { status: 200, body: { items, nextCursor: page.nextCursor ? encodePageCursor("events", page.nextCursor) : null } };
  },
});
