import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { countryOptions } from "@/lib/i18n/country-options";
import { formatDateInput } from "@/lib/i18n/format-date";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getPerson360 } from "@/lib/persons/get-person-360";
import { getRecentPersonView } from "@/lib/persons/get-recent-person-view";
import { StaffCorrectionForm } from "./staff-correction-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("person360"))("correctTitle") };
}

/** Correct a person's data on their behalf, with a reason. SUPPORT and up, after opening the record. */
export default async function CorrectPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireStaff("SUPPORT");
  const { id } = await params;
  if (!(await getRecentPersonView({ userId: user.userId, personId: id }))) redirect(`/admin/persons/${id}`);
  const locale = (await getLocale()) as Locale;
  const record = await getPerson360({ actor: await actorFor(user, "STAFF"), personId: id, locale });
  const t = await getTranslations("person360");
  const f = record.profile.fields;
  const defaults = {
    givenName: f.givenName ?? "", familyName: f.familyName ?? "", phone: f.phone ?? "", streetAddress: f.streetAddress ?? "", postalCode: f.postalCode ?? "",
    city: f.city ?? "", country: f.country ?? "", preferredLanguage: isLocale(f.preferredLanguage) ? f.preferredLanguage : locale, birthDate: f.birthDate ? formatDateInput(f.birthDate, locale) : "", reason: "",
  };
  return (
    <div className="card">
      <h1>{t("correctTitle")}</h1>
      <p className="muted">{t("correctIntro")}</p>
      <StaffCorrectionForm personId={id} defaults={defaults} countries={countryOptions(locale)} />
    </div>
  );
}
