import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { describeEventType } from "@/lib/i18n/describe-audit-entry";
import { getFormatter } from "@/lib/i18n/get-formatter";
import type { Locale } from "@/lib/i18n/locales";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { findOfficers } from "@/lib/requests/find-officers";
import { getDataRequest } from "@/lib/requests/get-data-request";
import { TaskTable } from "../../tasks/task-table";
import { RequestActions } from "./request-actions";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("officer"))("title") };
}

const stepKinds = new Set(["received", "confirmation_sent", "confirmed", "approved", "assigned", "unassigned", "note", "denied", "extended", "completed", "cancelled", "export_ready", "downloaded", "erased", "final_email_sent", "restricted_instead", "closed_by_erasure", "final_email_failed", "restriction_lifted"]);

export default async function RequestDetailPage({ params }: { params: Promise<{ requestId: string }> }) {
  const user = await requireStaff("PRIVACY_OFFICER");
  const actor = await actorFor(user, "STAFF");
  const { requestId } = await params;
  const [request, officers] = await Promise.all([getDataRequest({ actor, requestId: requestId.slice(0, 64) }), findOfficers()]);
  if (!request) notFound();
  const t = await getTranslations("officer");
  const r = await getTranslations("requests");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const person = request.person;
  const row = (label: string, value: React.ReactNode) => (
    <div className="field-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <p>
        <Link href="/admin/requests">{t("back")}</Link>
      </p>
      <h1>
        {t("detailTitle", { type: r(`types.${request.type}`) })} <span className="badge">{r(`statuses.${request.status}`)}</span>
        {request.urgency === "overdue" && <span className="badge badge-overdue">{t("overdue")}</span>}
        {request.urgency === "soon" && <span className="badge badge-soon">{t("soon")}</span>}
      </h1>
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t("facts")}</h2>
        <dl className="fields">
          {row(t("person"), person.erasedAt ? <em>{t("erasedPerson")}</em> : [[person.givenName, person.familyName].filter(Boolean).join(" "), person.email].filter(Boolean).join(" · "))}
          {person.restrictedAt && row(t("status"), t("restricted", { date: when(person.restrictedAt) }))}
          {row(t("channel"), r(`channels.${request.channel}`))}
          {row(t("received"), when(request.receivedAt))}
          {row(t("due"), `${format.dateTime(request.due, { dateStyle: "long" })}${request.extendedDueAt ? ` (${t("extended")})` : ""}`)}
          {request.scheduledFor && row(t("scheduledFor"), when(request.scheduledFor))}
          {request.status === "VERIFYING" && request.confirmExpiresAt && row(t("status"), t("confirmExpires", { date: when(request.confirmExpiresAt) }))}
          {request.organization && row(t("organisation"), <span>{request.organization.name} (<span className="business-id">{request.organization.businessId}</span>)</span>)}
          {request.purposeKeys.length > 0 && row(t("purposes"), request.purposeKeys.join(", "))}
          {request.description && row(t("description"), <span className="quote">{request.description}</span>)}
          {request.decisionReason && row(t("reasonSent"), request.decisionReason)}
          {row(t("assignee"), request.assignee?.email ?? t("unassigned"))}
        </dl>
        {request.export && <p className="muted">{t("export")}: {t("exportStatus", { status: request.export.status, progress: request.export.progress, downloads: request.export.downloads })}</p>}
      </section>

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("timeline")}</h2>
        <ol className="timeline" data-testid="timeline">
          {request.steps.map((s) => (
            <li key={s.id} data-step={s.kind} className={s.internal ? "internal" : undefined}>
              <time dateTime={s.at.toISOString()}>{when(s.at)}</time> {stepKinds.has(s.kind) ? r(`steps.${s.kind as "received"}`) : s.kind}{" "}
              <span className="muted">
                {s.staffName ? t("byStaff", { actor: t(`actors.${s.actorKind as "PERSON"}`), name: s.staffName }) : t("by", { actor: t(`actors.${s.actorKind as "PERSON"}`) })}
                {s.internal && ` · ${t("internal")}`}
              </span>
              {s.note && <p className="step-note">{s.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="propagation-title">
        <h2 id="propagation-title">{t("propagation")}</h2>
        <p className="muted">{t("propagationIntro")}</p>
        {request.pendingSystems.length > 0 && <p className="warning">{t("pendingSystems", { systems: request.pendingSystems.map((s) => s.name).join(", ") })}</p>}
        {request.propagation.deliveries.length === 0 && request.propagation.manualTasks.length === 0 && <p>{t("noPropagation")}</p>}
        {request.propagation.deliveries.length > 0 && (
          <TableScroll labelledBy="propagation-title">
          <table data-testid="propagation">
            <thead>
              <tr>
                <th scope="col">{t("system")}</th>
                <th scope="col">{t("event")}</th>
                <th scope="col">{t("delivery")}</th>
                <th scope="col">{t("attempts")}</th>
                <th scope="col">{t("acknowledged")}</th>
              </tr>
            </thead>
            <tbody>
              {request.propagation.deliveries.map((d) => (
                <tr key={d.id} data-system={d.system.key} data-delivery-status={d.status}>
                  <td>{d.system.name}</td>
                  <td>{describeEventType(locale, d.eventType)}</td>
                  <td>
                    {t(`deliveryStatuses.${d.status}`)}
                    {d.deliveredAt && <span className="muted"> · {when(d.deliveredAt)}</span>}
                  </td>
                  <td>{d.attempts}</td>
                  <td>{d.acknowledgement ? `${t(`ackStatuses.${d.acknowledgement.status}`)} · ${when(d.acknowledgement.at)}` : t("notAcknowledged")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
        {request.propagation.manualTasks.length > 0 && (
          <>
            <h3>{t("manualTasks")}</h3>
            <TaskTable tasks={request.propagation.manualTasks} canOpen />
          </>
        )}
      </section>

      <RequestActions
        requestId={request.id}
        type={request.type}
        status={request.status}
        assigneeId={request.assignee?.id ?? null}
        officers={officers.map((o) => ({ id: o.id, email: o.email }))}
        pendingSystems={request.pendingSystems.length}
        restricted={person.restrictedAt !== null}
      />
    </>
  );
}
