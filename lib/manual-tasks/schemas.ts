// Zod schemas for manual tasks: shared by the back-office form, its action and the domain.
// Messages are keys in the "manualTasks.errors" namespace.
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";

export const completeManualTaskSchema = z.object({
  taskId: z.string().min(1).max(64).refine(isStorableText, { error: "invalid" }),
  /** What the owner did, for the record. */
  note: z.string({ error: "noteRequired" }).trim().min(1, { error: "noteRequired" }).max(2000, { error: "tooLong" }).refine(isStorableText, { error: "invalid" }),
});
export type CompleteManualTaskInput = z.input<typeof completeManualTaskSchema>;

export const manualTaskStatuses = ["OPEN", "DONE"] as const;
