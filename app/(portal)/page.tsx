import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ProcessingBanner } from "@/components/processing-banner";
import { requirePerson } from "@/lib/auth/guards";
import type { Locale } from "@/lib/i18n/locales";
import { getPersonOverview } from "@/lib/persons/get-person-overview";

/** The person's overview: what we hold, where their consents stand, what is still open. */
export default async function PortalHomePage() {
  const user = await requirePerson();
  const overview = await getPersonOverview({ personId: user.personId, locale: (await getLocale()) as Locale });
  if (!overview) notFound();
  const t = await getTranslations("home");
  const { consents } = overview;
  return (
    <>
      <h1>{overview.name ? t("greeting", { name: overview.name }) : t("greetingNoName")}</h1>
      <p>{t("intro")}</p>
      <ProcessingBanner personId={user.personId} />
      <div className="overview" data-testid="home-overview">
        <section className="card" aria-labelledby="overview-data">
          <h2 id="overview-data">{t("dataTitle")}</h2>
          {overview.name && <p data-testid="overview-name">{overview.name}</p>}
          {overview.email && <p data-testid="overview-email">{overview.email}</p>}
          <p data-testid="overview-fields">{t("fields", { fields: overview.fieldCount, systems: overview.systemCount })}</p>
          {overview.interactionCount > 0 && <p>{t("interactions", { count: overview.interactionCount })}</p>}
          <p>
            <Link href="/profile">{t("dataLink")}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="overview-consents">
          <h2 id="overview-consents">{t("consentsTitle")}</h2>
          <ul className="plain-list" data-testid="overview-consents">
            <li data-count="granted">{t("granted", { count: consents.granted })}</li>
            {consents.pending > 0 && <li data-count="pending">{t("pending", { count: consents.pending })}</li>}
            <li data-count="withdrawn">{t("withdrawn", { count: consents.withdrawn })}</li>
            {consents.notChosen > 0 && <li data-count="not-chosen">{t("notChosen", { count: consents.notChosen })}</li>}
          </ul>
          <p>
            <Link href="/consents">{t("consentsLink")}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="overview-requests">
          <h2 id="overview-requests">{t("requestsTitle")}</h2>
          <p data-testid="overview-requests">{t("openRequests", { count: overview.openRequests })}</p>
          <p>
            <Link href="/requests">{t("requestsLink")}</Link> · <Link href="/data">{t("dataExportLink")}</Link>
          </p>
        </section>
      </div>
    </>
  );
}
