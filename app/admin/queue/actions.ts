"use server";

import { z } from "zod";
import { idArg } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { replayDeadJob } from "@/lib/queue/replay-dead-job";

/** Sends a dead job round again (ADMIN; the domain checks too). */
export const replayDeadJobAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg()]),
  handler: ({ actor, args: [jobId] }) => replayDeadJob({ actor, input: { jobId } }),
  revalidate: ["/admin/queue"],
});
