import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";

/** Ends one of the user's own sessions; another user's session id is simply not found. */
export async function endSession({ actor, userId, personId, sessionId }: { actor: Actor; userId: string; personId: string | null; sessionId: string }) {
  return runChange(actor, async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId } });
    if (count === 0) throw new AppError("NOT_FOUND", "no such session", { userMessage: "sessionNotFound" });
    return { result: undefined, audit: { action: "auth.session_ended", personId, target: `Session:${sessionId}` } };
  });
}

/** Ends every session of the user except the current one ("sign out everywhere else"). */
export async function endOtherSessions({ actor, userId, personId, currentSessionId }: { actor: Actor; userId: string; personId: string | null; currentSessionId: string }) {
  return runChange(actor, async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
    return { result: { ended: count }, audit: { action: "auth.other_sessions_ended", personId, target: `User:${userId}`, details: { ended: count } } };
  });
}
