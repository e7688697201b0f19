import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { requirePerson } from "@/lib/auth/guards";
import { findPersonRequests } from "@/lib/requests/find-person-requests";
import { CancelRequestButton } from "./cancel-request-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("title") };
}

const stepKinds = new Set(["received", "confirmation_sent", "confirmed", "approved", "denied", "extended", "completed", "cancelled", "export_ready", "downloaded", "erased", "final_email_sent", "restricted_instead", "closed_by_erasure", "restriction_lifted"]);

export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const user = await requirePerson();
  const { sent } = await searchParams;
  const requests = await findPersonRequests(user.personId);
  const t = await getTranslations("requests");
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {sent && (
        <p role="status" className="notice">
          {t("sent")}
        </p>
      )}
      <p className="actions">
        <Link className="button" href="/requests/new">
          {t("newLink")}
        </Link>
        <Link href="/data">{t("types.ACCESS")}</Link>
      </p>
      {requests.length === 0 && <p>{t("empty")}</p>}
      <ul className="request-list" data-testid="requests">
        {requests.map((r) => {
          const title = t(`types.${r.type}`);
          return (
            <li key={r.id} className="card" data-request-id={r.id} data-request-type={r.type} data-request-status={r.status} aria-labelledby={`request-${r.id}`}>
              <h2 id={`request-${r.id}`}>
                {title} <span className={`badge status-${r.status.toLowerCase()}`}>{t(`statuses.${r.status}`)}</span>
              </h2>
              <dl className="fields">
                <div className="field-row">
                  <dt>{t("received")}</dt>
                  <dd>{date(r.receivedAt)}</dd>
                </div>
                {r.closedAt ? (
                  <div className="field-row">
                    <dt>{t("closed")}</dt>
                    <dd>{date(r.closedAt)}</dd>
                  </div>
                ) : (
                  <div className="field-row" data-testid="due">
                    <dt>{r.extendedDueAt ? t("extendedDue") : t("due")}</dt>
                    <dd>{date(r.due)}</dd>
                  </div>
                )}
                {r.type === "ERASURE" && r.scheduledFor && !r.closedAt && r.status !== "AWAITING_SYSTEMS" && (
                  <div className="field-row">
                    <dt>{t("scheduledFor")}</dt>
                    <dd>{format.dateTime(r.scheduledFor, { dateStyle: "long", timeStyle: "short" })}</dd>
                  </div>
                )}
              </dl>
              {r.description && <p className="quote">{r.description}</p>}
              <h3>{t("timeline")}</h3>
              <ol className="timeline">
                {r.steps.map((s) => (
                  <li key={s.id}>
                    <time dateTime={s.at.toISOString()}>{format.dateTime(s.at, { dateStyle: "medium", timeStyle: "short" })}</time>{" "}
                    {stepKinds.has(s.kind) ? t(`steps.${s.kind as "received"}`) : s.kind}
                    {s.note && <span className="step-note">: {s.note}</span>}
                  </li>
                ))}
              </ol>
              {r.cancellable && <CancelRequestButton requestId={r.id} label={`${t("cancel")}: ${title}`} />}
            </li>
          );
        })}
      </ul>
    </>
  );
}
