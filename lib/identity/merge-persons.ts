import type { Actor } from "../audit/actor";
import type { Prisma } from "../db/generated/client";
import { runChange } from "../changes/run-change";
import type { Tx } from "../db/types";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";
import { assertPersonWritable } from "../persons/assert-person-writable";
import { getRecentPersonView } from "../persons/get-recent-person-view";
import { parseOrThrow } from "../validation/parse-or-throw";
import { mergeableFields, mergePersonsSchema, type MergeableField, type MergePersonsInput } from "./schemas";

const FIELD_SELECT = Object.fromEntries(mergeableFields.map((f) => [f, true])) as Record<MergeableField, true>;
const comparable = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null));

/**
 * Merges a duplicate into the surviving person. The officer chooses per field whose value
 * survives (a portal account's sign-in address always does); memberships, external identities,
 * interactions, consent history (events, states, pending confirmations), field history, requests,
 * a portal account and the rows of any other table with a foreign key to Person move to the
 * survivor, so nothing is lost to a cascade. For each purpose the more recent consent state wins.
 * The merged id becomes an alias that resolves to the survivor (resolvePersonId), and its audit
 * entries show in the survivor's activity. Both persons must exist, not be erased, and not both
 * have a portal account. One audit entry and one `person.merged` event. PRIVACY_OFFICER and up,
 * after the same staff member opened both records with a reason (recordPersonView) within the window.
 */
export async function mergePersons({ actor, input, now }: { actor: Actor; input: MergePersonsInput | unknown; now?: Date }) {
  assertStaffRole(actor, "PRIVACY_OFFICER");
  const { survivorId, mergedId, fields: choices } = parseOrThrow(mergePersonsSchema, input, { userMessage: "invalidMerge", what: "merge" });
  return runChange(
    actor,
    async (tx, at) => {
      // Consent history is append-only; the trigger lets only a merge into this survivor move it.
      await tx.$executeRaw`SELECT set_config('omadata.merge_survivor', ${survivorId}, true)`;
      // Both rows locked in id order, so two merges touching the same persons take turns; an
      // erased person is refused (GONE) by the guard every write about a person passes.
      for (const id of [survivorId, mergedId].sort()) await assertPersonWritable(tx, id);
      const select = { ...FIELD_SELECT, id: true, sequence: true, restrictedAt: true, user: { select: { id: true, email: true } } };
      const [survivor, merged] = await Promise.all([
        tx.person.findUnique({ where: { id: survivorId }, select }),
        tx.person.findUnique({ where: { id: mergedId }, select }),
      ]);
      if (!survivor || !merged) throw new AppError("NOT_FOUND", "person not found", { userMessage: "personNotFound" });
      if (survivor.user && merged.user) throw new AppError("CONFLICT", "both have portal accounts", { userMessage: "bothHaveAccounts" });
      // The merge page's gate, held here for every caller: this staff member opened both records
      // with a reason (Compare: person.viewed, identity resolution) within the window.
      for (const id of [survivorId, mergedId]) {
        if (!(await getRecentPersonView({ userId: actor.id, personId: id, now: at, client: tx }))) {
          throw new AppError("FORBIDDEN", "open both records with a reason first", { userMessage: "reasonRequired" });
        }
      }

      // A portal account signs in with its email: the surviving email is the account's.
      const accountOn = survivor.user ? "survivor" : merged.user ? "merged" : null;
      if (accountOn && choices.email && choices.email !== accountOn && comparable(merged.email) !== comparable(survivor.email)) {
        throw new AppError("VALIDATION", "email follows the portal account", { userMessage: "invalidMerge", fields: { email: "emailFollowsAccount" } });
      }
      const values: Partial<Record<MergeableField, unknown>> = {};
      const decided: MergeableField[] = [];
      for (const field of mergeableFields) {
        const mine = survivor[field];
        const theirs = merged[field];
        if (comparable(mine) === comparable(theirs)) continue;
        const pick = field === "email" && accountOn ? accountOn : (choices[field] ?? (mine === null ? "merged" : "survivor"));
        decided.push(field);
        if (pick === "merged") values[field] = theirs;
      }

      const moved = await moveEverything(tx, survivorId, mergedId);
      await tx.personAlias.create({ data: { aliasId: mergedId, personId: survivorId, mergedAt: at } });
      await tx.person.delete({ where: { id: mergedId } });
      const restrictedAt = [survivor.restrictedAt, merged.restrictedAt].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
      await tx.person.update({
        where: { id: survivorId },
        // The merged person's sequence counts too, so receivers that knew it see a newer number.
        data: { ...(values as Prisma.PersonUncheckedUpdateInput), restrictedAt, sequence: Math.max(survivor.sequence, merged.sequence) },
      });
      if (decided.length) {
        await tx.personFieldChange.createMany({ data: decided.map((field) => ({ personId: survivorId, field, source: "STAFF" as const, actorId: actor.id, changedAt: at })) });
      }
      const fromMerged = Object.keys(values);
      return {
        result: { survivorId, mergedId, fieldsFromMerged: fromMerged, moved },
        audit: {
          action: "person.merged",
          personId: survivorId,
          target: `Person:${mergedId}`,
          details: { mergedPersonId: mergedId, fieldsFromMerged: fromMerged, fields: decided, moved, role: actor.role },
        },
        events: [{ type: "person.merged", personId: survivorId, data: { survivor: survivorId, merged: mergedId, mergedPersonId: mergedId, changedFields: fromMerged } }],
      };
    },
    { now },
  );
}

/**
 * Moves every row that refers to the merged person. Rows that would collide with the survivor's
 * own (a membership of the same organisation, a consent state for the same purpose) are settled
 * first; then every foreign key to Person found in the catalogue is re-pointed, so tables added
 * later move too instead of being deleted by the cascade.
 */
async function moveEverything(tx: Tx, survivorId: string, mergedId: string) {
  const own = await tx.membership.findMany({ where: { personId: survivorId }, select: { organizationId: true } });
  await tx.membership.deleteMany({ where: { personId: mergedId, organizationId: { in: own.map((m) => m.organizationId) } } });

  const states = await tx.consentState.findMany({ where: { personId: { in: [survivorId, mergedId] } }, select: { id: true, personId: true, purposeId: true, updatedAt: true } });
  const losers: string[] = [];
  for (const state of states.filter((s) => s.personId === mergedId)) {
    const rival = states.find((s) => s.personId === survivorId && s.purposeId === state.purposeId);
    if (!rival) continue;
    losers.push(rival.updatedAt >= state.updatedAt ? state.id : rival.id);
  }
  if (losers.length) await tx.consentState.deleteMany({ where: { id: { in: losers } } });

  // The pair's own duplicate candidates are settled by this merge; the merged person's others
  // go to the survivor unless the survivor already has that candidate.
  await tx.duplicateCandidate.deleteMany({ where: { OR: [{ personId: mergedId, otherPersonId: survivorId }, { personId: survivorId, otherPersonId: mergedId }] } });
  const candidates = await tx.duplicateCandidate.findMany({
    where: { OR: [{ personId: { in: [survivorId, mergedId] } }, { otherPersonId: { in: [survivorId, mergedId] } }] },
    select: { id: true, personId: true, otherPersonId: true },
  });
  const pairOf = (c: { personId: string; otherPersonId: string }) => `${c.personId === mergedId ? survivorId : c.personId}:${c.otherPersonId === mergedId ? survivorId : c.otherPersonId}`;
  const kept = new Set(candidates.filter((c) => c.personId !== mergedId && c.otherPersonId !== mergedId).map(pairOf));
  const colliding = candidates.filter((c) => (c.personId === mergedId || c.otherPersonId === mergedId) && kept.has(pairOf(c)));
  if (colliding.length) await tx.duplicateCandidate.deleteMany({ where: { id: { in: colliding.map((c) => c.id) } } });

  const references = await tx.$queryRaw<{ tbl: string; col: string }[]>`
    SELECT quote_ident(cl.relname) AS tbl, quote_ident(a.attname) AS col
    FROM pg_constraint c
    JOIN pg_class cl ON cl.oid = c.conrelid
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.confrelid = '"Person"'::regclass AND array_length(c.conkey, 1) = 1
    ORDER BY cl.relname`;
  const moved: Record<string, number> = {};
  for (const { tbl, col } of references) {
    // Identifiers come from the catalogue, quoted by quote_ident; the ids are parameters.
    const count = await tx.$executeRawUnsafe(`UPDATE ${tbl} SET ${col} = $1 WHERE ${col} = $2`, survivorId, mergedId);
    if (count > 0) moved[tbl.replaceAll('"', "")] = count;
  }
  return moved;
}
