import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { ProcessingBanner } from "@/components/processing-banner";
import { requirePerson } from "@/lib/auth/guards";
import { countryName } from "@/lib/i18n/country-options";
import type { Locale } from "@/lib/i18n/locales";
import { findInteractions } from "@/lib/persons/find-interactions";
import { getProfile } from "@/lib/persons/get-profile";
import { namesFor, ProvenanceNote } from "./provenance-note";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ page?: string; saved?: string }> }) {
  const user = await requirePerson();
  const { page, saved } = await searchParams;
  const [profile, history] = await Promise.all([getProfile(user.personId), findInteractions(user.personId, Number(page ?? 1))]);
  if (!profile) notFound();
  const t = await getTranslations("profile");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const known = await namesFor(locale);

  const display = (field: (typeof profile.fieldOrder)[number]) => {
    const value = profile.fields[field];
    if (!value) return <span className="muted">{t("empty")}</span>;
    if (field === "country") return countryName(value, locale);
    if (field === "preferredLanguage") return t(`languages.${value as Locale}`);
    if (field === "birthDate") return format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
    return value;
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <ProcessingBanner personId={user.personId} />
      <p className="muted">{t("intro")}</p>
      {saved && (
        <p role="status" className="notice">
          {saved === "0" ? t("nothingChanged") : t("saved")}
        </p>
      )}

      <section className="card" aria-labelledby="contact-title">
        <h2 id="contact-title">{t("contactTitle")}</h2>
        <dl className="fields">
          {profile.fieldOrder.map((field) => (
            <div key={field} className="field-row" data-field={field}>
              <dt>{t(`fields.${field}`)}</dt>
              <dd>
                <span className="value">{display(field)}</span>
                <ProvenanceNote provenance={profile.provenance[field]} />
              </dd>
            </div>
          ))}
        </dl>
        <p className="actions">
          <Link className="button" href="/profile/edit">
            {t("edit")}
          </Link>
          <Link href="/profile/email">{t("changeEmail")}</Link>
        </p>
      </section>

      <section className="card" aria-labelledby="organisations-title">
        <h2 id="organisations-title">{t("organisationsTitle")}</h2>
        <p className="muted">{t("organisationsIntro")}</p>
        {profile.organisations.length === 0 ? (
          <p>{t("noOrganisations")}</p>
        ) : (
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">{t("organisationsTitle")}</th>
                <th scope="col">{t("businessId")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("reportWrong")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {profile.organisations.map((org) => (
                <tr key={org.membershipId} data-organisation={org.businessId}>
                  <td data-label={t("organisationsTitle")}>{org.name}</td>
                  <td data-label={t("businessId")}>
                    <span className="business-id">{org.businessId}</span>
                  </td>
                  <td data-label={t("role")}>{org.role}</td>
                  <td>
                    <Link href={`/profile/report/${org.id}`}>{t("reportWrong")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="systems-title">
        <h2 id="systems-title">{t("systemsTitle")}</h2>
        <p className="muted">{t("systemsIntro")}</p>
        {profile.systems.length === 0 ? (
          <p>{t("noSystems")}</p>
        ) : (
          <ul data-testid="systems">
            {profile.systems.map((s) => (
              <li key={s.key} data-updates={s.updates}>
                <strong>{s.name ?? t("unnamedSystem")}</strong> · {t("since")} {format.dateTime(s.linkedAt, { dateStyle: "medium" })}
                <br />
                <span className="muted">{t(`systemUpdates.${s.updates}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t("historyTitle")}</h2>
        {history.items.length === 0 ? (
          <p>{t("noHistory")}</p>
        ) : (
          <>
            <table data-testid="interactions" className="stack">
              <thead>
                <tr>
                  <th scope="col">{t("time")}</th>
                  <th scope="col">{t("kind")}</th>
                  <th scope="col">{t("summary")}</th>
                  <th scope="col">{t("system")}</th>
                  <th scope="col">{t("amount")}</th>
                </tr>
              </thead>
              <tbody>
                {history.items.map((i) => (
                  <tr key={i.id}>
                    <td data-label={t("time")}>{format.dateTime(i.occurredAt, { dateStyle: "medium" })}</td>
                    <td data-label={t("kind")}>{t(`kinds.${i.kind}`)}</td>
                    <td data-label={t("summary")}>{i.summary}</td>
                    <td data-label={t("system")}>{known.systems.get(i.system) ?? t("unnamedSystem")}</td>
                    <td data-label={t("amount")}>{i.amountMinor !== null && i.currency ? format.number(i.amountMinor / 100, { style: "currency", currency: i.currency }) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className="pager" aria-label={t("historyTitle")}>
              {history.page > 1 && <Link href={`/profile?page=${history.page - 1}`}>{t("previous")}</Link>}
              <span>{t("pageOf", { page: history.page, pages: history.pages })}</span>
              {history.page < history.pages && <Link href={`/profile?page=${history.page + 1}`}>{t("next")}</Link>}
            </nav>
          </>
        )}
      </section>
    </>
  );
}
