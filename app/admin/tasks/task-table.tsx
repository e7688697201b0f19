import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import type { ManualTaskItem } from "@/lib/manual-tasks/find-manual-tasks";
import { TableScroll } from "@/components/ui/table-scroll";

/** Manual systems' tasks as a table: system, what to do, since when, state; each links to its page when it may be opened. */
export async function TaskTable({ tasks, canOpen, testId = "manual-tasks" }: { tasks: ManualTaskItem[]; canOpen: boolean; testId?: string }) {
  const t = await getTranslations("manualTasks");
  const format = await getFormatter();
  return (
    <TableScroll label={t("title")}>
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t("columns.system")}</th>
          <th scope="col">{t("columns.kind")}</th>
          <th scope="col">{t("columns.created")}</th>
          <th scope="col">{t("columns.status")}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id}>
            <td>{canOpen ? <Link href={`/admin/tasks/${task.id}`}>{task.system.name}</Link> : task.system.name}</td>
            <td>{t(`kinds.${task.kind}`)}</td>
            <td>{format.dateTime(task.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
            <td>
              <span className={task.status === "OPEN" ? "badge badge-overdue" : "badge"}>{t(`statuses.${task.status}`)}</span>
              {task.doneAt && ` ${format.dateTime(task.doneAt, { dateStyle: "medium", timeStyle: "short" })}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
