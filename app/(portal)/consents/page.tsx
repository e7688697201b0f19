import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { requirePerson } from "@/lib/auth/guards";
import { findConsentTimeline } from "@/lib/consents/find-consent-timeline";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import type { Locale } from "@/lib/i18n/locales";
import { honourGpc } from "../honour-gpc";
import { ConsentSwitch } from "./consent-switch";
import { WithdrawAllButton } from "./withdraw-all-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("consents"))("title") };
}

export default async function ConsentsPage() {
  const user = await requirePerson();
  const gpc = await honourGpc(user);
  const locale = (await getLocale()) as Locale;
  const [consents, timeline] = await Promise.all([
    findPersonConsents({ personId: user.personId, locale }),
    findConsentTimeline({ personId: user.personId, locale, take: 50 }),
  ]);
  const t = await getTranslations("consents");
  const format = await getFormatter();
  const titles = new Map(consents.map((c) => [c.purposeKey, c.title]));

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {gpc.signal && (
        <p role="status" className="notice" data-testid="gpc-notice">
          {gpc.withdrawn.length > 0 ? t("gpcHonoured", { purposes: gpc.withdrawn.map((k) => titles.get(k) ?? k).join(", ") }) : t("gpcActive")}
        </p>
      )}

      <ul className="consent-list">
        {consents.map((c) => {
          const switchState = c.status === "PENDING_CONFIRMATION" ? "pending" : c.permitted ? "on" : "off";
          const checked = switchState !== "off";
          const lockedByGpc = gpc.signal && c.isSaleOrSharing && !checked;
          const state = c.needsRenewal ? "WITHDRAWN" : c.legalBasis === "LEGITIMATE_INTEREST" && c.status === "NOT_SET" ? "GRANTED" : c.status;
          return (
            <li key={c.purposeKey} className="card consent" data-purpose-row={c.purposeKey}>
              <div className="consent-head">
                <h2 id={`purpose-${c.purposeKey}`}>{c.title}</h2>
                <ConsentSwitch purposeKey={c.purposeKey} version={c.version} title={c.title} state={switchState} doubleOptIn={c.requiresDoubleOptIn} disabled={lockedByGpc} />
              </div>
              <p>{c.description}</p>
              <p className="muted consent-meta">
                <span data-testid="consent-status">{t(`status.${state}`)}</span> · {t("version", { version: c.version })}
              </p>
              {c.status === "PENDING_CONFIRMATION" && <p className="muted">{t("pendingHelp")}</p>}
              {c.needsRenewal && (
                <p className="warning" data-testid="needs-renewal">
                  {t("needsRenewal")}
                </p>
              )}
              {c.legalBasis === "LEGITIMATE_INTEREST" && <p className="muted">{t("legitimateInterest")}</p>}
              {lockedByGpc && <p className="muted">{t("gpcActive")}</p>}
            </li>
          );
        })}
      </ul>
      <WithdrawAllButton />

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("timelineTitle")}</h2>
        {timeline.items.length === 0 ? (
          <p>{t("timelineEmpty")}</p>
        ) : (
          <table data-testid="consent-timeline" className="stack">
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("what")}</th>
                <th scope="col">{t("how")}</th>
                <th scope="col">{t("receipt")}</th>
              </tr>
            </thead>
            <tbody>
              {timeline.items.map((item) => {
                const date = format.dateTime(item.occurredAt, { dateStyle: "medium", timeStyle: "short" });
                return (
                  <tr key={item.consentEventId} data-event-status={item.status} data-event-purpose={item.purposeKey}>
                    <td data-label={t("when")}>{date}</td>
                    <td data-label={t("what")}>
                      {item.title}: {t(`status.${item.status}`)} ({t("version", { version: item.version })})
                    </td>
                    <td data-label={t("how")}>{t(`sources.${item.source}`)}</td>
                    <td data-label={t("receipt")}>
                      <a href={`/consents/receipts/${item.consentEventId}`} download aria-label={t("downloadReceipt", { title: item.title, date })}>
                        {t("downloadReceiptShort")}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p>
          <Link href="/receipts/verify">{t("verifyLink")}</Link>
        </p>
      </section>
    </>
  );
}
