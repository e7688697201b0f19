import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { requirePerson } from "@/lib/auth/guards";
import { findPersonActivity } from "@/lib/audit/find-person-activity";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

const knownActions = new Set([
  "auth.signed_in", "auth.signed_out", "auth.user_created", "auth.user_linked", "auth.session_ended", "auth.other_sessions_ended",
  "person.updated", "person.email_change_requested", "person.viewed", "request.received", "consent.updated", "staff.role_changed",
]);

export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePerson();
  const { page } = await searchParams;
  const activity = await findPersonActivity(user.personId, Number(page ?? 1));
  const t = await getTranslations("activity");
  const fieldNames = await getTranslations("profile.fields");
  const roles = await getTranslations("admin.roles");
  const format = await getFormatter();

  const who = (e: (typeof activity.entries)[number]) => {
    if (e.actorKind === "PERSON" && (e.actorId === user.userId || e.actorId === null)) return t("actors.you");
    if (e.actorKind === "STAFF") return t("actors.staff", { role: e.role ? roles(e.role as "SUPPORT") : "" });
    if (e.actorKind === "SYSTEM") return t("actors.system", { id: e.actorId ?? "" });
    if (e.actorKind === "WORKER") return t("actors.worker");
    return t("actors.unknown");
  };
  const what = (e: (typeof activity.entries)[number]) => {
    if (!knownActions.has(e.action)) return t("actions.other", { action: e.action });
    const fields = e.fields.map((f) => (fieldNames.has(f as "email") ? fieldNames(f as "email") : f)).join(", ");
    // Message keys cannot hold dots (they nest): "person.updated" is "person_updated".
    return t(`actions.${e.action.replace(".", "_")}` as "actions.person_updated", { fields });
  };

  return (
    <div className="card">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {activity.entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table data-testid="activity">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
            </tr>
          </thead>
          <tbody>
            {activity.entries.map((e) => (
              <tr key={e.seq} data-action={e.action}>
                <td>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>{who(e)}</td>
                <td>
                  {what(e)}
                  {e.reason && <div className="muted">{t("reason", { reason: e.reason })}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t("title")}>
        {activity.page > 1 && <Link href={`/activity?page=${activity.page - 1}`}>←</Link>}
        {activity.page < activity.pages && <Link href={`/activity?page=${activity.page + 1}`}>→</Link>}
      </nav>
    </div>
  );
}
