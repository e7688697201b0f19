import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { requireStaff } from "@/lib/auth/guards";
import { isApiScope } from "@/lib/api-keys/scopes";
import { describeEventType } from "@/lib/i18n/describe-audit-entry";
import type { Locale } from "@/lib/i18n/locales";
import { eventTypes } from "@/lib/propagation/event-types";
import { getConnectedSystem } from "@/lib/propagation/get-connected-system";
import { SystemForm } from "../system-form";
import { ApiKeyForm } from "./api-key-form";
import { RevokeKeyButton, RotateSecretButton, SendTestEventButton } from "./system-buttons";
import { TableScroll } from "@/components/ui/table-scroll";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("systems"))("title") };
}

export default async function SystemPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff("ADMIN");
  const system = await getConnectedSystem((await params).id);
  if (!system) notFound();
  const t = await getTranslations("systems");
  const d = await getTranslations("deliveries");
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "short" });
  return (
    <>
      <div className="card">
        <h1>
          {system.name} <code>{system.key}</code>
        </h1>
        <p>
          {system.active ? t("status.active") : `${t("status.disabled")} (${t(`disabledReasons.${(system.disabledReason ?? "manual") as "manual"}`)})`}
          {system.failingSince && <span className="badge badge-overdue">{t("status.failingSince", { time: when(system.failingSince) })}</span>}
        </p>
        <p className="muted">
          {Object.entries(system.deliveryCounts)
            .map(([status, count]) => `${d(`statuses.${status as "PENDING"}`)}: ${count}`)
            .join(" · ")}
        </p>
        {system.manual ? <p className="notice">{t("manualNotice")}</p> : <SendTestEventButton systemId={system.id} />}
        <SystemForm
          systemId={system.id}
          eventTypeLabels={Object.fromEntries(eventTypes.map((type) => [type, describeEventType(locale, type)]))}
          defaults={{
            key: system.key,
            name: system.name,
            kind: system.kind,
            webhookUrl: system.webhookUrl ?? "",
            eventTypes: system.eventTypes,
            requiresErasureAck: system.requiresErasureAck,
            active: system.active,
            manual: system.manual,
            ownerEmail: system.ownerEmail ?? "",
            manualInstructions: system.manualInstructions ?? "",
          }}
        />
      </div>
      {!system.manual && (
        <section className="card" aria-labelledby="secret-title">
          <h2 id="secret-title">{t("secret.title")}</h2>
          <p>
            {t("secret.signing", { count: system.secrets.length })}
            {system.secrets.filter((s) => s.validUntil).map((s) => ` · ${t("secret.until", { time: when(s.validUntil!) })}`)}
          </p>
          <RotateSecretButton systemId={system.id} />
        </section>
      )}
      <section className="card" aria-labelledby="keys-title">
        <h2 id="keys-title">{t("keys.title")}</h2>
        {system.apiKeys.length === 0 ? (
          <p>{t("keys.none")}</p>
        ) : (
          <TableScroll labelledBy="keys-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("keys.name")}</th>
                <th scope="col">{t("keys.prefix")}</th>
                <th scope="col">{t("keys.scopes")}</th>
                <th scope="col">{t("keys.lastUsed")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("keys.revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {system.apiKeys.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix}_…</code>
                  </td>
                  <td>
                    <ul className="plain-list" data-testid="key-scopes">
                      {k.scopes.map((scope) => (
                        <li key={scope}>{isApiScope(scope) ? t(`keys.scopeNames.${scope}`) : t("keys.scopeUnknown")}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{k.lastUsedAt ? when(k.lastUsedAt) : t("keys.never")}</td>
                  <td>{k.revokedAt ? `${t("keys.revoked")} ${when(k.revokedAt)}` : <RevokeKeyButton systemId={system.id} keyId={k.id} prefix={k.prefix} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
        <ApiKeyForm systemId={system.id} />
      </section>
    </>
  );
}
