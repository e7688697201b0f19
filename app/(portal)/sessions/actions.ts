"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requirePerson } from "@/lib/auth/guards";
import { parseActionId } from "@/lib/parse-action-id";
import { endOtherSessions, endSession } from "@/lib/sessions/end-sessions";

/** Ends one of the signed-in user's sessions; a session id of another user is not found. */
export async function endSessionAction(sessionId: string) {
  const user = await requirePerson();
  const actor = await actorFor(user, "PERSON");
  const result = await toActionResult(() => endSession({ actor, userId: user.userId, personId: user.personId, sessionId: parseActionId(sessionId) }));
  revalidatePath("/sessions");
  return result;
}

export async function endOtherSessionsAction() {
  const user = await requirePerson();
  const actor = await actorFor(user, "PERSON");
  if (!user.sessionId) return { ok: false as const, message: "failed" };
  const currentSessionId = user.sessionId;
  const result = await toActionResult(() => endOtherSessions({ actor, userId: user.userId, personId: user.personId, currentSessionId }));
  revalidatePath("/sessions");
  return result;
}
