"use server";

import { z } from "zod";
import { idArg } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors";
import { endOtherSessions, endSession } from "@/lib/sessions/end-sessions";

/** Ends one of the signed-in user's sessions; a session id of another user is not found. */
export const endSessionAction = defineAction({
  caller: "person",
  args: z.tuple([idArg()]),
  handler: ({ user, actor, args: [sessionId] }) => endSession({ actor, userId: user.userId, personId: user.personId, sessionId }),
  revalidate: ["/sessions"],
});

export const endOtherSessionsAction = defineAction({
  caller: "person",
  args: z.tuple([]),
  handler: async ({ user, actor }) => {
    if (!user.sessionId) throw new AppError("BAD_REQUEST", "no current session", { userMessage: "failed" });
    return endOtherSessions({ actor, userId: user.userId, personId: user.personId, currentSessionId: user.sessionId });
  },
  revalidate: ["/sessions"],
});
