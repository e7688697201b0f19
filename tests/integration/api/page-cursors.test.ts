// Every list that pages by cursor answers a cursor it did not issue (garbage, undecodable, another
// list's, too long) with 400 problem+json naming `cursor`, never an empty 200 page; and its own
// cursors keep paging through every item once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoutes } from "@/lib/api/api-routes";
import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";
import { apiScopes } from "@/lib/api-keys/scopes";
import { overrideConfig } from "@/lib/config";
import { sendTestEvent } from "@/lib/propagation/send-test-event";
import { createPerson } from "../../factories/persons";
import { createKey, createSystem, systemAdmin } from "../../factories/systems";
import { api } from "../../support/api-client";
import { waitFor } from "../../support/http-servers";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
let since: string;

beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  since = new Date(Date.now() - 1000).toISOString();
  const system = await createSystem({ webhookUrl: "http://127.0.0.1:9/hook", eventTypes: [] });
  key = await createKey(system.id, [...apiScopes]);
  for (let i = 0; i < 3; i++) {
    await createPerson(t.database.prisma);
    await sendTestEvent({ actor: systemAdmin, systemId: system.id });
  }
  // The feed lists an event once every transaction on the server that began before it has ended.
  await waitFor(async () => (await api("GET", "/api/v1/events?type=system.test&limit=10", { key })).body.items.length === 3, { what: "the test events in the feed", timeoutMs: 120_000 });
}, 300_000);
afterAll(async () => t.drop());

/**
 * Every list of the API that takes a cursor, with a query that finds this file's rows: its
 * parameter, and whether a page says more follow (the events feed always gives a cursor to
 * resume from, and says hasMore).
 */
const lists = [
  {
    name: "persons", path: "/api/v1/persons", param: "cursor", query: () => `updatedSince=${encodeURIComponent(since)}`,
    id: (item: { id: string }) => item.id, more: (body: { nextCursor: string | null }) => body.nextCursor !== null,
  },
  {
    name: "events", path: "/api/v1/events", param: "after", query: () => "type=system.test",
    id: (item: { id: string }) => item.id, more: (body: { hasMore: boolean }) => body.hasMore,
  },
] as const;

async function pageThrough(list: (typeof lists)[number]) {
  const items: unknown[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  let more = true;
  while (more) {
    const page = await api("GET", `${list.path}?${list.query()}&limit=1${cursor ? `&${list.param}=${cursor}` : ""}`, { key });
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    if (cursor) cursors.push(cursor);
    more = list.more(page.body);
  }
  return { items, cursors };
}

describe("list cursors", () => {
  it("the document lists exactly these as the routes that take a cursor", () => {
    const withCursor = Object.values(apiRoutes)
      .filter((route) => "query" in route && route.query && lists.some((list) => list.param in (route.query as { shape: object }).shape))
      .map((route) => route.path);
    expect(withCursor.sort()).toEqual(lists.map((list) => list.path).sort());
  });

  for (const list of lists) {
    describe(list.name, () => {
      it("pages through every item once with the cursors it issues", async () => {
        const { items, cursors } = await pageThrough(list);
        const ids = items.map((item) => list.id(item as never));
        expect(ids.length).toBeGreaterThanOrEqual(3);
        expect(new Set(ids).size).toBe(ids.length);
        // Opaque: not a bare row id.
        for (const cursor of cursors) expect(cursor).not.toMatch(/^[0-9a-f-]{36}$/);
      });

      it("answers 400 problem+json naming cursor for a cursor it did not issue", async () => {
        const other = lists.find((l) => l !== list)!;
        const { cursors: otherCursors } = await pageThrough(other);
        const { cursors: ownCursors } = await pageThrough(list);
        const own = ownCursors[0]!;
        const rawId = Buffer.from(own, "base64url").toString().split(":")[1]!;
        const bad = [
          "abc",
          "%00",
          "%FF%FE",
          "x".repeat(5000),
          rawId, // a bare row id, as cursors used to be
          otherCursors[0]!, // another list's cursor
          `${own}A`, // a truncated or padded one does not decode to ours
          own.slice(0, -2),
          Buffer.from(`${list.name}:not-a-uuid`).toString("base64url"),
          encodeURIComponent(`${own}==`),
        ];
        for (const cursor of bad) {
          const answer = await api("GET", `${list.path}?${list.query()}&${list.param}=${cursor}`, { key });
          expect(answer.status, `cursor ${cursor.slice(0, 40)}`).toBe(400);
          expect(answer.headers.get("content-type")).toBe("application/problem+json");
          expect(answer.body).toMatchObject({ status: 400, type: expect.stringMatching(/#problem-bad_request$/) });
          expect(answer.body.errors.map((e: { path: string }) => e.path), `cursor ${cursor.slice(0, 40)}`).toContain(list.param);
        }
      });

      it("declares the 400 for a foreign cursor in the document", () => {
        const document = buildOpenApiDocument("http://localhost") as unknown as { paths: Record<string, { get: { responses: Record<string, { description: string }>; parameters: { name?: string; description?: string }[] } }> };
        const operation = document.paths[list.path]!.get;
        expect(operation.responses["400"]!.description).toMatch(/cursor/);
        expect(operation.parameters.find((p) => p.name === list.param)!.description).toMatch(/400/);
      });
    });
  }
});
