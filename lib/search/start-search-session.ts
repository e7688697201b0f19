import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { assertStaffRole } from "../staff/assert-staff-role";
import { parseOrThrow } from "../validation/parse-or-throw";
import { searchSessionSchema, type SearchSessionInput } from "./schemas";

/**
 * A staff member states why they search the customer directory before they may search: audited
 * as `person.search_started` with the reason code, the note and their role. It opens a search
 * session of SEARCH_SESSION_WINDOW_MS for searchPersons; after it the reason is asked again.
 * SUPPORT and up.
 */
export async function startSearchSession({ actor, input, now }: { actor: Actor; input: SearchSessionInput | unknown; now?: Date }) {
  assertStaffRole(actor, "SUPPORT");
  const { reasonCode, note } = parseOrThrow(searchSessionSchema, input, { userMessage: "invalid", what: "search reason" });
  return runChange(
    actor,
    async (_tx, at) => ({
      result: { startedAt: at },
      audit: { action: "person.search_started", personId: null, target: "PersonSearch", details: { reasonCode, reason: note, role: actor.role } },
    }),
    { now },
  );
}
