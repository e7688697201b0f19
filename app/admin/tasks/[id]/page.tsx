import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { getManualTask } from "@/lib/manual-tasks/get-manual-task";
import { CompleteTaskForm } from "./complete-task-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manualTasks"))("taskTitle") };
}

const errorKeys = ["noteRequired", "tooLong", "invalid", "alreadyDone", "notFound", "forbidden", "failed"] as const;

/** One manual system's task: what to do, the person's ids there while open, and marking it done. Officers and admins. */
export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireStaff("PRIVACY_OFFICER");
  const task = await getManualTask({ actor: await actorFor(user, "STAFF"), taskId: (await params).id });
  if (!task) notFound();
  const t = await getTranslations("manualTasks");
  const r = await getTranslations("requests");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <div className="card">
        <h1>{t(`headings.${task.kind}`, { system: task.system.name })}</h1>
        <p data-testid="task-status">
          <span className={task.status === "OPEN" ? "badge badge-overdue" : "badge"}>{t(`statuses.${task.status}`)}</span> · {t("createdAt", { time: when(task.createdAt) })}
        </p>
        <dl>
          <dt>{t("request")}</dt>
          <dd>
            <Link href={`/admin/requests/${task.dataRequestId}`}>
              {r(`types.${task.request.type}`)} · {r(`statuses.${task.request.status}`)}
            </Link>
          </dd>
          {task.kind !== "ERASURE" && !task.request.person.erasedAt && (
            <>
              <dt>{t("person")}</dt>
              <dd>
                <Link href={`/admin/persons/${task.personId}`}>{t("openPerson")}</Link>
              </dd>
            </>
          )}
          <dt>{t("instructions")}</dt>
          <dd style={{ whiteSpace: "pre-wrap" }}>{task.system.manualInstructions}</dd>
          {task.status === "OPEN" && (
            <>
              <dt>{t("externalIds", { system: task.system.name })}</dt>
              <dd data-testid="task-external-ids">{task.externalIds.join(", ")}</dd>
            </>
          )}
          {task.status === "DONE" && (
            <>
              <dt>{t("doneAt")}</dt>
              <dd>{task.doneAt && when(task.doneAt)}{task.doneBy && ` · ${task.doneBy}`}</dd>
              <dt>{t("note")}</dt>
              <dd data-testid="task-note">{task.note}</dd>
            </>
          )}
          {task.status === "CANCELLED" && (
            <>
              <dt>{t("cancelledAt")}</dt>
              <dd>{task.doneAt && when(task.doneAt)}</dd>
            </>
          )}
        </dl>
        {task.status === "CANCELLED" && <p className="muted">{t("cancelledHint")}</p>}
        {task.kind === "ERASURE" && task.status === "OPEN" && <p className="muted">{t("erasureHint")}</p>}
      </div>
      {task.status === "OPEN" && (
        <CompleteTaskForm
          taskId={task.id}
          labels={{
            title: t("complete.title"),
            note: t("complete.note"),
            noteHint: t("complete.noteHint"),
            submit: t("complete.submit"),
            done: t("complete.done"),
            errors: Object.fromEntries(errorKeys.map((key) => [key, t(`errors.${key}`)])),
          }}
        />
      )}
      <p>
        <Link href="/admin/tasks">{t("backToList")}</Link>
      </p>
    </>
  );
}
