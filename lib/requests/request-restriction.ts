import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { assertPersonWritable } from "../persons/assert-person-writable";
import { parseOrThrow } from "../validation/parse-or-throw";
import { insertDataRequest } from "./insert-data-request";
import { restrictPerson } from "./restrict-person";
import { restrictionSchema } from "./schemas";

/**
 * Restriction of processing (GDPR Art. 18), asked by the signed-in person: it takes effect at
 * once (the person is frozen: no purpose is permitted, systems get `person.restricted`) and the
 * request stays in progress while an officer looks into the reason given.
 */
export async function requestRestriction({ actor, personId, input }: { actor: Actor; personId: string; input: unknown }, options?: ChangeOptions) {
  const data = parseOrThrow(restrictionSchema, input, { what: "restriction request" });
  return runChange(
    actor,
    async (tx, now) => {
      await assertPersonWritable(tx, personId);
      const { request, audit } = await insertDataRequest(tx, {
        actor, now, personId, type: "RESTRICTION", channel: "PORTAL", status: "IN_PROGRESS", description: data.description,
      });
      const restricted = await restrictPerson(tx, { personId, requestId: request.id, now });
      return { result: request, audit: [audit, ...restricted.audit], events: restricted.events };
    },
    options,
  );
}
