import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { findManualTasks } from "@/lib/manual-tasks/find-manual-tasks";
import { TaskTable } from "./task-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manualTasks"))("title") };
}

/** What manual systems' owners still have to do (or, with ?status=DONE, what they did). Officers and admins. */
export default async function TasksPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requireStaff("PRIVACY_OFFICER");
  const status = (await searchParams).status === "DONE" ? "DONE" : "OPEN";
  const tasks = await findManualTasks({ actor: await actorFor(user, "STAFF"), filter: { status } });
  const t = await getTranslations("manualTasks");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <p className="actions">
        {status === "OPEN" ? <Link href="/admin/tasks?status=DONE">{t("showDone")}</Link> : <Link href="/admin/tasks">{t("showOpen")}</Link>}
      </p>
      <section className="card" aria-label={t(status === "OPEN" ? "openTitle" : "doneTitle")}>
        {tasks.length === 0 ? <p>{t(status === "OPEN" ? "noneOpen" : "noneDone")}</p> : <TaskTable tasks={tasks} canOpen />}
      </section>
    </>
  );
}
