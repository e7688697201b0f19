"use server";

import { z } from "zod";
import { untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { completeManualTask } from "@/lib/manual-tasks/complete-manual-task";

// Officers mark a manual system's task done; the domain checks the role again and parses the note.

export const completeTaskAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([untrusted<{ taskId: string; note: string }>()]),
  handler: ({ actor, args: [values] }) => completeManualTask({ actor, input: values }),
  // The task, the open list, its request's page and the person's page all show it.
  revalidate: [["/admin", "layout"]],
});
