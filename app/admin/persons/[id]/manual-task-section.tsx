import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/audit/actor";
import { findManualTasks } from "@/lib/manual-tasks/find-manual-tasks";
import { TaskTable } from "../../tasks/task-table";

/** What manual systems' owners were asked to do for this person's requests, and whether it is done. */
export async function ManualTaskSection({ actor, personId, canOpen }: { actor: Actor; personId: string; canOpen: boolean }) {
  const tasks = await findManualTasks({ actor, filter: { personId } });
  const t = await getTranslations("manualTasks");
  return (
    <section className="card" aria-labelledby="manual-tasks-heading">
      <h2 id="manual-tasks-heading">{t("personTitle")}</h2>
      <p className="muted">{t("personIntro")}</p>
      {tasks.length === 0 ? <p className="muted">{t("noneForPerson")}</p> : <TaskTable tasks={tasks} canOpen={canOpen} testId="person-manual-tasks" />}
    </section>
  );
}
