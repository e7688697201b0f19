"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { OutcomeMessage } from "@/components/ui/outcome-message";
import { usePassingMessage } from "@/components/ui/use-passing-message";
import { completeTaskAction } from "../actions";

export interface CompleteTaskLabels {
  title: string;
  note: string;
  noteHint: string;
  submit: string;
  done: string;
  /** Localised messages by error key; "failed" for anything unknown. */
  errors: Record<string, string>;
}

/** Marks the task done with a note of what was done; the server validates and answers errors. */
export function CompleteTaskForm({ taskId, labels }: { taskId: string; labels: CompleteTaskLabels }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = usePassingMessage();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const note = String(new FormData(e.currentTarget).get("note") ?? "");
    startTransition(async () => {
      const result = await completeTaskAction({ taskId, note });
      if (result.ok) {
        outcome.succeed(labels.done);
        router.refresh();
        return;
      }
      const key = Object.values(result.fields ?? {})[0] ?? result.message;
      outcome.fail(labels.errors[key ?? ""] ?? labels.errors.failed!);
    });
  };
  return (
    <form className="card action-form" onSubmit={onSubmit} onInput={outcome.edited} aria-labelledby="complete-title" noValidate>
      <h2 id="complete-title">{labels.title}</h2>
      <div className="field">
        <label htmlFor="note">{labels.note}</label>
        <p id="note-hint" className="muted">
          {labels.noteHint}
        </p>
        <textarea id="note" name="note" rows={3} maxLength={2000} aria-describedby="note-hint" required />
      </div>
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
      <OutcomeMessage message={outcome.message} layout="block" />
    </form>
  );
}
