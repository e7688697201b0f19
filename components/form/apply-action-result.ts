import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";

/** Puts a failed action's field messages (keys) on the form's fields, and its message on the form. */
export function applyActionErrors<T extends FieldValues>(result: ActionResult<unknown>, setError: UseFormSetError<T>): boolean {
  if (result.ok) return false;
  const fields = Object.entries(result.fields ?? {});
  for (const [field, message] of fields) setError(field as Path<T>, { message });
  if (fields.length === 0) setError("root", { message: result.message });
  return true;
}
