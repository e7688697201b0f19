// The OpenAPI document's `webhooks` section documents every event type the outbox can hold, and the
// webhooks really sent (through fan-out, signing and HTTP, to a capture server) match it: the
// Standard Webhooks headers and the body of each event type, produced by the domain functions.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiScopes } from "@/lib/api-keys/scopes";
import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";
import { overrideConfig } from "@/lib/config";
import { retirePurpose } from "@/lib/consents/retire-purpose";
import { mergePersons } from "@/lib/identity/merge-persons";
import { applyImportBatch, newImportFileState } from "@/lib/import/apply-import-batch";
import { correctPerson } from "@/lib/persons/correct-person";
import { createPersonFromSystem } from "@/lib/persons/create-person-from-system";
import { linkExternalIdentity } from "@/lib/persons/link-external-identity";
import { recordPersonView } from "@/lib/persons/record-person-view";
import { recordInteraction } from "@/lib/persons/record-interaction";
import { setPreferredLanguage } from "@/lib/persons/set-preferred-language";
import { deliverDueWebhooks } from "@/lib/propagation/deliver-due-webhooks";
import { emittedEventTypes, eventTypes } from "@/lib/propagation/event-types";
import { fanOutEvents } from "@/lib/propagation/fan-out-events";
import { sendTestEvent } from "@/lib/propagation/send-test-event";
import { executeErasure } from "@/lib/requests/execute-erasure";
import { liftRestriction } from "@/lib/requests/lift-restriction";
import { requestErasure } from "@/lib/requests/request-erasure";
import { requestRestriction } from "@/lib/requests/request-restriction";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { adminActor, createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson, createOfficer } from "../../factories/requests";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { startCaptureServer, type CaptureServer } from "../../support/http-servers";
import { webhookDifferences } from "../../support/openapi-response-check";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let capture: CaptureServer;
beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_TIMEOUT_MS: "5000", API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  capture = await startCaptureServer();
});
afterAll(async () => {
  await capture.close();
  await t.drop();
});

/** Fans out and delivers everything waiting, as the worker would, at `now`. */
async function deliverAll(now: Date) {
  while ((await fanOutEvents(t.database.prisma, now)) > 0);
  const context = { workerId: `test-${randomUUID().slice(0, 8)}`, signal: new AbortController().signal };
  while (await deliverDueWebhooks(t.database.prisma, now, context));
}

describe("webhooks in the OpenAPI document", () => {
  it("has one entry for every event type the outbox can hold, and no other", () => {
    const document = buildOpenApiDocument("http://localhost");
    expect(Object.keys(document.webhooks).sort()).toEqual([...emittedEventTypes].sort());
    for (const type of emittedEventTypes) {
      const post = document.webhooks[type]!.post;
      expect(post.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
        ["webhook-id", "header", true],
        ["webhook-timestamp", "header", true],
        ["webhook-signature", "header", true],
      ]);
      expect(Object.keys(post.responses).sort()).toEqual(["2XX", "410", "default"]);
    }
  });

  it("every kind of change reaches a receiver as a webhook that matches its documented entry", async () => {
    const system = await createSystem({ webhookUrl: capture.url, eventTypes: [...eventTypes] });
    const key = await createKey(system.id, [...apiScopes]);
    const systemActor = { kind: "SYSTEM" as const, id: system.key };
    const { actor: officer } = await createOfficer(t.database.prisma);

    const purposeKey = await createPublishedPurpose(); // purpose.version_published
    const full = await createFullPerson(t.database.prisma, purposeKey); // person.updated (PERSON), consent.updated
    const personId = full.person.id;
    await setPreferredLanguage({ actor: full.actor, personId, locale: "sv" }); // person.updated without a source
    await correctPerson({ actor: systemActor, personId, input: { birthDate: "1980-02-29", city: "Turku" }, source: "SYSTEM", system: system.key });
    await linkExternalIdentity({ actor: systemActor, personId, system: system.key, externalId: `C-${randomUUID().slice(0, 8)}` });
    await recordInteraction({ actor: systemActor, personId, system: system.key, input: { externalId: `O-${randomUUID()}`, kind: "PURCHASE", occurredAt: new Date().toISOString(), summary: "Order" } });
    const withdrawn = await api("POST", "/api/v1/consents", {
      key,
      body: { person: { id: personId }, purposeKey, status: "WITHDRAWN", evidence: { collectedAt: new Date().toISOString(), method: "web_form" } },
    });
    expect(withdrawn.status).toBe(201); // consent.updated from the API
    await createPersonFromSystem({ actor: systemActor, system: system.key, email: uniqueEmail("shop") }); // person.created (SYSTEM)

    // An import: a new person (person.created, IMPORT), and an existing one it updates and links.
    const existing = await createPerson(t.database.prisma, {}, [{ system: system.key, externalId: `X-${randomUUID().slice(0, 8)}` }]);
    const importRow = (row: number, fields: { email: string | null; externalId: string }) => ({ row, phone: null, profile: { city: "Oulu" }, organisation: null, createdAt: null, consents: {}, ...fields });
    const job = { id: randomUUID(), system: system.key, mapping: { fields: { email: "email", externalId: "id", city: "city" }, consents: {}, values: {} }, connectedSystemId: system.id };
    await t.database.prisma.$transaction((tx) =>
      applyImportBatch(tx, {
        rows: [importRow(2, { email: uniqueEmail("imported"), externalId: `N-${randomUUID().slice(0, 8)}` }), importRow(3, { email: existing.email, externalId: `Y-${randomUUID().slice(0, 8)}` })],
        job, actor: systemActor, purposes: new Map(), now: new Date(), state: newImportFileState(),
      }),
    );

    const restriction = await requestRestriction({ actor: full.actor, personId, input: { description: "My address is disputed" } }); // person.restricted
    await liftRestriction({ actor: officer, input: { requestId: restriction.id, reason: "Your address was verified as correct." } }); // person.restriction_lifted

    const survivor = await createPerson(t.database.prisma);
    const merged = await createPerson(t.database.prisma, { givenName: "Merged" });
    await recordPersonView({ actor: officer, personId: [survivor.id, merged.id], input: { reasonCode: "identity_resolution" } });
    await mergePersons({ actor: officer, input: { survivorId: survivor.id, mergedId: merged.id } }); // person.merged

    const erasure = await requestErasure({ actor: full.actor, personId, signedInAt: new Date() }); // person.erasure_requested
    await deliverAll(new Date());

    // A person erased before their events went out: those go out with their data removed.
    const gone = await createFullPerson(t.database.prisma, purposeKey, "gone");
    const goneErasure = await requestErasure({ actor: gone.actor, personId: gone.person.id, signedInAt: new Date() });
    const later = new Date(Date.now() + 365 * 86_400_000);
    await executeErasure({ requestId: erasure.id }, { now: later }); // person.erased
    await executeErasure({ requestId: goneErasure.id }, { now: later });

    await retirePurpose({ actor: adminActor, input: { purposeKey: await createPublishedPurpose() } }); // purpose.retired
    await sendTestEvent({ actor: adminActor, systemId: system.id }); // system.test

    await deliverAll(later);
    const sent = await t.database.prisma.delivery.count({ where: { systemId: system.id } });
    expect(capture.requests).toHaveLength(sent);

    const byType = new Map<string, number>();
    for (const request of capture.requests) {
      const type = JSON.parse(request.body).type as string;
      byType.set(type, (byType.get(type) ?? 0) + 1);
      expect(webhookDifferences({ headers: request.headers, body: request.body }), type).toEqual([]);
    }
    expect([...byType.keys()].sort()).toEqual([...emittedEventTypes].sort());
    // Both kinds of person.created and of person.updated were among them.
    const bodies = capture.requests.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    expect(bodies.filter((b) => b.type === "person.created").map((b) => b.data.source).sort()).toEqual(["IMPORT", "SYSTEM"]);
    const updated = bodies.filter((b) => b.type === "person.updated");
    expect(new Set(updated.map((b) => (b.data.redacted ? "redacted" : (b.data.source ?? "none"))))).toEqual(new Set(["PERSON", "SYSTEM", "IMPORT", "none", "redacted"]));
  });

  it("a body the document does not describe is told apart", () => {
    const headers = { "webhook-id": "msg_1", "webhook-timestamp": "1700000000", "webhook-signature": "v1,c2lnbmF0dXJl" };
    const envelope = { id: "evt_1", occurredAt: new Date().toISOString(), personId: "p1", sequence: 1, externalIds: {} };
    const body = (type: string, data: unknown) => JSON.stringify({ ...envelope, type, data });
    const erasedState = { person: { id: "p1", sequence: 1, erased: true }, consents: [], restricted: false, erased: true };
    expect(webhookDifferences({ headers, body: body("purpose.retired", { purposeKey: "x" }) }).join("\n")).toMatch(/personId/);
    expect(webhookDifferences({ headers, body: body("person.erased", { requestId: "r1", erasedAt: new Date().toISOString(), ...erasedState, email: "a@b.fi" }) }).join("\n")).toMatch(/additional/);
    expect(webhookDifferences({ headers, body: body("person.unknown", {}) })).toEqual(["webhook person.unknown: not in the document's webhooks"]);
    expect(webhookDifferences({ headers: { ...headers, "webhook-signature": undefined }, body: body("person.erased", { requestId: "r1", erasedAt: new Date().toISOString(), ...erasedState }) })).toEqual([
      "webhook person.erased: header webhook-signature missing",
    ]);
  });
});
