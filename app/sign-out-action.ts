"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { signOutHere } from "@/lib/auth/sign-out";

/** The sign-out form's action: it is sent the form's FormData, which it does not need. */
export const signOutAction = defineAction({
  caller: "public",
  args: z.tuple([]).rest(z.unknown()),
  handler: () => signOutHere(),
  answer: (): void => undefined,
});
