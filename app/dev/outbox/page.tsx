import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getConfig } from "@/lib/config";
import { findLocalEmails } from "@/lib/email/find-local-emails";
import { localOutboxServed } from "@/lib/runtime/dev-surfaces";

// The local email outbox: only when LOCAL_OUTBOX is on (see lib/runtime/dev-surfaces.ts), and only to this machine.
export default async function DevOutboxPage() {
  if (!localOutboxServed(getConfig(), clientIpFrom(await headers()))) notFound();
  const t = await getTranslations("devOutbox");
  const format = await getFormatter();
  const emails = await findLocalEmails();
  return (
    <main id="main">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {emails.length === 0 && <p>{t("empty")}</p>}
      {emails.map((email) => (
        <article key={email.id} className="card">
          <h2 style={{ fontSize: "1.1rem", marginTop: 0 }}>{email.subject}</h2>
          <p className="muted">
            {t("to")}: {email.to} · {t("sent")}: {format.dateTime(email.createdAt, { dateStyle: "short", timeStyle: "medium" })}
          </p>
          <iframe title={email.subject} srcDoc={email.html} sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" style={{ width: "100%", height: "28rem", border: "1px solid var(--border)" }} />
        </article>
      ))}
    </main>
  );
}
