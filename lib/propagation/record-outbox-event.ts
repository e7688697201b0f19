import { randomUUID } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import { insertRows } from "../db/insert-rows";
import type { Tx } from "../db/types";
import type { ExternalIdMap } from "../persons/group-external-ids";
import type { EmittedEventType } from "./event-types";
import { readPersonStates, type PersonStateData } from "./read-person-states";

export interface OutboxInput {
  /** Event type from the catalogue, e.g. "person.updated"; its `data` is documented in event-payloads.ts. */
  type: EmittedEventType;
  personId: string | null;
  /** What the event is about (data minimisation); the person's state is added beside it. */
  data: Prisma.InputJsonObject;
  /** The ids to send instead of those stored: an erasure deletes them before its event is recorded. */
  externalIds?: ExternalIdMap;
}

export interface OutboxPayload {
  id: string;
  type: string;
  occurredAt: string;
  personId: string | null;
  sequence: number | null;
  /** System key → every id that system holds for the person, sorted (see groupExternalIds). */
  externalIds: ExternalIdMap;
  data: Prisma.InputJsonObject;
}

/** Records one event to propagate; see recordOutboxEvents. Call inside the change transaction. */
export async function recordOutboxEvent(tx: Tx, input: OutboxInput, now = new Date()): Promise<OutboxPayload> {
  const [payload] = await recordOutboxEvents(tx, [input], now);
  return payload!;
}

/**
 * Records events to propagate. Each event of a person increases the person's `sequence` by one
 * (events of one person in the order given), and carries the person's whole state after the
 * change (readPersonStates) with its own sequence, so a receiver that applies only events above
 * the last sequence it applied converges whatever order they arrive in. Whatever the count: one
 * sequence update, the reads of state (which hold the external ids too) and one bulk insert, so an
 * import batch costs what a single change does. Call inside the change transaction, after the
 * change is written.
 */
export async function recordOutboxEvents(tx: Tx, inputs: OutboxInput[], now: Date): Promise<OutboxPayload[]> {
  if (inputs.length === 0) return [];
  const eventsPerPerson = new Map<string, number>();
  for (const input of inputs) if (input.personId) eventsPerPerson.set(input.personId, (eventsPerPerson.get(input.personId) ?? 0) + 1);
  const personIds = [...eventsPerPerson.keys()];
  const nextSequence = await reserveSequences(tx, eventsPerPerson);
  const stateOf = await readPersonStates(tx, personIds);
  const payloads = inputs.map((input): OutboxPayload => {
    let sequence: number | null = null;
    let data = input.data;
    if (input.personId) {
      sequence = nextSequence.get(input.personId)!;
      nextSequence.set(input.personId, sequence + 1);
      const state = stateOf.get(input.personId)!;
      data = { ...input.data, ...state, person: { ...state.person, sequence } } as Prisma.InputJsonObject;
    }
    return {
      id: `evt_${randomUUID().replaceAll("-", "")}`,
      type: input.type,
      occurredAt: now.toISOString(),
      personId: input.personId,
      sequence,
      externalIds: input.externalIds ?? externalIdsIn(input.personId ? stateOf.get(input.personId) : undefined),
      data,
    };
  });
  await insertRows(
    tx,
    "OutboxEvent",
    { id: "text", type: "text", personId: "text", sequence: "int", payload: "jsonb", occurredAt: "timestamp" },
    payloads.map((payload) => ({ id: payload.id, type: payload.type, personId: payload.personId, sequence: payload.sequence, payload, occurredAt: now })),
  );
  return payloads;
}

/** Advances each person's sequence by their event count; returns each person's first new number. */
async function reserveSequences(tx: Tx, eventsPerPerson: Map<string, number>): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  if (eventsPerPerson.size === 0) return first;
  const ids = [...eventsPerPerson.keys()];
  const rows = await tx.$queryRaw<{ id: string; sequence: number }[]>`
    UPDATE "Person" AS p SET "sequence" = p."sequence" + v.n
    FROM (SELECT unnest(${ids}::text[]) AS id, unnest(${ids.map((id) => eventsPerPerson.get(id)!)}::int[]) AS n) AS v
    WHERE p."id" = v.id
    RETURNING p."id", p."sequence"`;
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((row) => row.id));
    throw new Error(`recordOutboxEvents: no person ${ids.find((id) => !found.has(id))}`);
  }
  for (const row of rows) first.set(row.id, row.sequence - eventsPerPerson.get(row.id)! + 1);
  return first;
}

/** The ids the state read holds; none for an erased person (the erasure deleted them). */
const externalIdsIn = (state: PersonStateData | undefined): ExternalIdMap => (state && "externalIds" in state.person ? state.person.externalIds : {});
