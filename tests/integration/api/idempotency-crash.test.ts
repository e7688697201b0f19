// Idempotency-Key after a crash: the state a process killed between its claim, its work and its
// answer leaves behind must not stick, and the retry must not do the work a second time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishIdempotentRequest, requestFingerprint, startIdempotentRequest } from "@/lib/api/idempotency";
import { apiScopes } from "@/lib/api-keys/scopes";
import { overrideConfig } from "@/lib/config";
import { runWithIdempotencyKey } from "@/lib/changes/idempotent-changes";
import { correctPersonFromSystem } from "@/lib/integration/correct-person-from-system";
import { recordInteraction } from "@/lib/persons/record-interaction";
import { createPerson } from "../../factories/persons";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
let system: { id: string; key: string };
beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "1000" });
  t = await setupTestDatabase();
  system = await createSystem();
  key = await createKey(system.id, [...apiScopes]);
});
afterAll(async () => t.drop());

const actor = () => ({ kind: "SYSTEM" as const, id: system.id, scopes: [...apiScopes] });
/** What the crashed process claimed, with the fingerprint the retry's request has. */
const claim = (method: string, path: string, idempotencyKey: string, body: unknown) =>
  startIdempotentRequest(system.id, idempotencyKey, requestFingerprint(method, path, JSON.stringify(body)));
/** A minute and a second pass (the handlers read the real clock, so the row is moved back instead). */
const lapse = async (idempotencyKey: string) => {
  const where = { systemId_key: { systemId: system.id, key: idempotencyKey } };
  const row = await t.database.prisma.idempotencyRecord.findUniqueOrThrow({ where });
  const back = (date: Date) => new Date(date.getTime() - 61_000);
  await t.database.prisma.idempotencyRecord.update({ where, data: { createdAt: back(row.createdAt), expiresAt: back(row.expiresAt) } });
};
const counts = async (personId: string) => ({
  interactions: await t.database.prisma.interaction.count({ where: { personId } }),
  changes: await t.database.prisma.personFieldChange.count({ where: { personId } }),
  audit: await t.database.prisma.auditEntry.count(),
  outbox: await t.database.prisma.outboxEvent.count(),
});

describe("Idempotency-Key after a crash", () => {
  it("killed after its claim, before the work: a retry after the claim's minute does the work once", async () => {
    const person = await createPerson(t.database.prisma);
    const path = `/api/v1/persons/${person.id}/interactions`;
    const body = { externalId: "O-crash-1", kind: "PURCHASE", occurredAt: "2026-11-01T10:00:00Z", summary: "Kayak" };
    expect((await claim("POST", path, "crash-before-work", body)).kind).toBe("new");

    const request = { key, headers: { "idempotency-key": "crash-before-work" }, body };
    expect((await api("POST", path, request)).status).toBe(409);
    await lapse("crash-before-work");
    const retry = await api("POST", path, request);
    expect(retry).toMatchObject({ status: 201, body: { externalId: "O-crash-1", created: true } });
    expect((await counts(person.id)).interactions).toBe(1);
    const replay = await api("POST", path, request);
    expect(replay).toMatchObject({ status: 201, body: retry.body });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });

  it("killed after the work committed, before the answer: the retry answers the first attempt's result and writes nothing", async () => {
    const person = await createPerson(t.database.prisma);
    const path = `/api/v1/persons/${person.id}`;
    const body = { observedAt: new Date().toISOString(), changes: { city: "Kuopio" } };
    const start = await claim("PATCH", path, "crash-after-work", body);
    if (start.kind !== "new") throw new Error(start.kind);
    // The handler's own work under the claimed key; the process then dies without answering.
    await runWithIdempotencyKey(start.recordId, [], () =>
      correctPersonFromSystem({ actor: actor(), systemKey: system.key, personId: person.id, observedAt: new Date(body.observedAt), changes: body.changes }),
    );
    const afterCrash = await counts(person.id);
    expect(afterCrash.changes).toBe(1);

    const request = { key, headers: { "idempotency-key": "crash-after-work" }, body };
    expect((await api("PATCH", path, request)).status).toBe(409);
    await lapse("crash-after-work");
    // Done again, the correction would change nothing; the kept result says what the first one changed.
    expect(await api("PATCH", path, request)).toMatchObject({ status: 200, body: { changedFields: ["city"] } });
    expect(await counts(person.id)).toEqual(afterCrash);
    const replay = await api("PATCH", path, request);
    expect(replay).toMatchObject({ status: 200, body: { changedFields: ["city"] } });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });

  it("a first attempt still running after its claim was taken over cannot commit its work", async () => {
    const person = await createPerson(t.database.prisma);
    const path = `/api/v1/persons/${person.id}/interactions`;
    const body = { externalId: "O-slow-1", kind: "SERVICE" as const, occurredAt: "2026-11-01T10:00:00Z", summary: "Repair" };
    const slow = await claim("POST", path, "taken-over", body);
    if (slow.kind !== "new") throw new Error(slow.kind);
    await lapse("taken-over");
    const retry = await api("POST", path, { key, headers: { "idempotency-key": "taken-over" }, body });
    expect(retry.status).toBe(201);
    const before = await counts(person.id);

    const late = runWithIdempotencyKey(slow.recordId, [], () =>
      recordInteraction({ actor: actor(), personId: person.id, system: system.key, input: { ...body, externalId: "O-slow-2" } }),
    );
    await expect(late).rejects.toMatchObject({ code: "CONFLICT" });
    await finishIdempotentRequest(slow.recordId, 201, "{}");
    expect(await counts(person.id)).toEqual(before);
    expect((await api("POST", path, { key, headers: { "idempotency-key": "taken-over" }, body })).body).toEqual(retry.body);
  });
});
