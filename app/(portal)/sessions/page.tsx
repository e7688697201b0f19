import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { requirePerson } from "@/lib/auth/guards";
import { findSessions } from "@/lib/sessions/find-sessions";
import { EndOtherSessionsButton, EndSessionButton } from "./session-buttons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions"))("title") };
}

export default async function SessionsPage() {
  const user = await requirePerson();
  const sessions = await findSessions(user.userId, user.sessionId);
  const t = await getTranslations("sessions");
  const format = await getFormatter();
  return (
    <div className="card">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <table data-testid="sessions" className="stack">
        <thead>
          <tr>
            <th scope="col">{t("browser")}</th>
            <th scope="col">{t("created")}</th>
            <th scope="col">{t("lastSeen")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("end")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => {
            const browser = s.browser ?? t("unknownBrowser");
            return (
              <tr key={s.id} data-current={s.current ? "true" : "false"}>
                <td data-label={t("browser")}>{browser}</td>
                <td data-label={t("created")}>{format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td data-label={t("lastSeen")}>{format.dateTime(s.lastSeenAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>{s.current ? <strong>{t("current")}</strong> : <EndSessionButton sessionId={s.id} label={`${t("end")}: ${browser}`} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <EndOtherSessionsButton />
    </div>
  );
}
