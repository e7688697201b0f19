import { apiRoutes } from "@/lib/api/api-routes";
import { problemResponse } from "@/lib/api/problem";
import { serializePerson } from "@/lib/api/serialize-person";
import { systemActor } from "@/lib/api/system-actor";
import { withApiKey } from "@/lib/api/with-api-key";
import { AppError } from "@/lib/errors";
import { correctPersonFromSystem } from "@/lib/integration/correct-person-from-system";
import { getPersonRecord } from "@/lib/persons/get-person-record";
import { requireCurrentPersonId } from "@/lib/persons/require-current-person-id";
import { requireLivePersonId } from "@/lib/persons/require-live-person-id";

type Params = { id: string };

// GET /api/v1/persons/{id} — one person (a merged id answers its survivor; an erased one 410); contact details only with persons:read:details.
export const GET = withApiKey<Params>({
  ...apiRoutes.getPerson,
  handler: async ({ principal, params }) => {
    const person = await getPersonRecord(await requireLivePersonId(params.id));
    if (!person) throw new AppError("NOT_FOUND", "no such person");
    return { status: 200, body: serializePerson(person, principal.scopes) };
  },
});

// PATCH /api/v1/persons/{id} — a system's correction (a merged id corrects its survivor); 409 with the current values if the person changed a field since observedAt.
export const PATCH = withApiKey({
  ...apiRoutes.correctPerson,
  handler: async ({ principal, params, body, rawBody, request }) => {
    const personId = await requireCurrentPersonId((params as Params).id);
    const result = await correctPersonFromSystem({
      actor: systemActor(principal, request),
      systemKey: principal.systemKey,
      personId,
      observedAt: new Date(body.observedAt),
      changes: (rawBody as { changes: unknown }).changes,
    });
    if (result.ok) return { status: 200, body: { changedFields: result.changedFields } };
    const problem = problemResponse(409, "conflict", { detail: "The person changed these fields themselves after observedAt.", conflicts: result.conflicts });
    return { status: 409, body: await problem.json() };
  },
});
