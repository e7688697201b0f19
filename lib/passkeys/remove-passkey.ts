import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";

/** Removes one of the user's own passkeys; another user's passkey id is simply not found. */
export async function removePasskey({ actor, userId, personId, passkeyId }: { actor: Actor; userId: string; personId: string | null; passkeyId: string }) {
  return runChange(actor, async (tx) => {
    const { count } = await tx.passkey.deleteMany({ where: { id: passkeyId, userId } });
    if (count === 0) throw new AppError("NOT_FOUND", "no such passkey", { userMessage: "passkeyNotFound" });
    return { result: undefined, audit: { action: "passkey.removed", personId, target: `Passkey:${passkeyId}` } };
  });
}
