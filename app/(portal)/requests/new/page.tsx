import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePerson } from "@/lib/auth/guards";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import type { Locale } from "@/lib/i18n/locales";
import { getProfile } from "@/lib/persons/get-profile";
import { ObjectionForm, RectificationForm, RestrictionForm } from "./request-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("newTitle") };
}

export default async function NewRequestPage() {
  const user = await requirePerson();
  const locale = (await getLocale()) as Locale;
  const [profile, consents] = await Promise.all([getProfile(user.personId), findPersonConsents({ personId: user.personId, locale })]);
  const t = await getTranslations("requests");
  // The same rule as findObjectablePurposeKeys: legitimate interest, or profiling (no channel).
  const objectable = consents.filter((c) => (c.legalBasis === "LEGITIMATE_INTEREST" || c.channel === "NONE") && c.withdrawable).map((c) => ({ key: c.purposeKey, title: c.title }));
  return (
    <>
      <h1>{t("newTitle")}</h1>
      <p className="muted">{t("newIntro")}</p>
      <section className="card" aria-labelledby="rectification-title">
        <h2 id="rectification-title">{t("rectification.title")}</h2>
        <p>{t("rectification.intro")}</p>
        <RectificationForm organisations={(profile?.organisations ?? []).map((o) => ({ id: o.id, name: o.name }))} />
      </section>
      <section className="card" aria-labelledby="restriction-title">
        <h2 id="restriction-title">{t("restriction.title")}</h2>
        <p>{t("restriction.intro")}</p>
        <RestrictionForm />
      </section>
      <section className="card" aria-labelledby="objection-title">
        <h2 id="objection-title">{t("objection.title")}</h2>
        <p>{t("objection.intro")}</p>
        {objectable.length === 0 ? <p className="muted">{t("objection.none")}</p> : <ObjectionForm purposes={objectable} />}
      </section>
    </>
  );
}
