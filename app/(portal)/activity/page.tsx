import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { requirePerson } from "@/lib/auth/guards";
import { findPersonActivity } from "@/lib/audit/find-person-activity";
import { describeActivity } from "@/lib/i18n/describe-activity";
import type { Locale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePerson();
  const { page } = await searchParams;
  const activity = await findPersonActivity(user.personId, Number(page ?? 1));
  const t = await getTranslations("activity");
  const format = await getFormatter();
  const rows = await describeActivity((await getLocale()) as Locale, activity.entries, "person");

  return (
    <div className="card">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {activity.entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table data-testid="activity" className="stack">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td data-label={t("when")}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td data-label={t("who")}>{e.who}</td>
                <td data-label={t("what")}>
                  {e.what}
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
