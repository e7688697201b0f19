import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { requirePerson, signedInRecently } from "@/lib/auth/guards";
import { findPasskeys } from "@/lib/passkeys/find-passkeys";
import { findSessions } from "@/lib/sessions/find-sessions";
import { AddPasskeyForm, RemovePasskeyButton } from "./passkey-form";
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
      {/* Passkeys are for customers: staff sign in by emailed link or single sign-on. */}
      {user.role === "CUSTOMER" && <Passkeys userId={user.userId} defaultName={sessions.find((s) => s.current)?.browser ?? null} needsReauth={!signedInRecently(user)} />}
    </div>
  );
}

async function Passkeys({ userId, defaultName, needsReauth }: { userId: string; defaultName: string | null; needsReauth: boolean }) {
  const passkeys = await findPasskeys(userId);
  const t = await getTranslations("sessions.passkeys");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="passkeys-title" data-testid="passkeys">
      <h2 id="passkeys-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      {passkeys.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("created")}</th>
              <th scope="col">{t("lastUsed")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {passkeys.map((p) => (
              <tr key={p.id}>
                <td data-label={t("name")}>{p.name}</td>
                <td data-label={t("created")}>{when(p.createdAt)}</td>
                <td data-label={t("lastUsed")}>{p.lastUsedAt ? when(p.lastUsedAt) : t("neverUsed")}</td>
                <td>
                  <RemovePasskeyButton passkeyId={p.id} name={p.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddPasskeyForm defaultName={defaultName ?? t("defaultName")} needsReauth={needsReauth} />
    </section>
  );
}
