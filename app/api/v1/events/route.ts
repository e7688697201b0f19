import { apiRoutes } from "@/lib/api/api-routes";
import { encodePageCursor } from "@/lib/api/page-cursor";
import { withApiKey } from "@/lib/api/with-api-key";
import { decodeFeedPosition, encodeFeedPosition, findEventFeed } from "@/lib/propagation/find-event-feed";

// GET /api/v1/events — catch-up feed: the calling system's events in commit order after `after`, as its webhooks carry them (details only with persons:read:details; a cursor this list did not issue: 400).
export const GET = withApiKey({
  ...apiRoutes.listEvents,
  handler: async ({ principal, query }) => {
    const page = await findEventFeed({
      systemId: principal.systemId,
      after: query.after ? decodeFeedPosition(query.after) : null,
      type: query.type,
      limit: query.limit,
      mayReadDetails: principal.scopes.includes("persons:read:details"),
    });
    const nextCursor = page.next ? encodePageCursor("events", encodeFeedPosition(page.next)) : null;
    return { status: 200, body: { items: page.items, nextCursor, hasMore: page.hasMore } };
  },
});
