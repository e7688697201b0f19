import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePerson } from "@/lib/auth/guards";
import { countryOptions } from "@/lib/i18n/country-options";
import { formatDateInput } from "@/lib/i18n/format-date";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getProfile } from "@/lib/persons/get-profile";
import { ProfileForm } from "./profile-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profileForm"))("title") };
}

export default async function EditProfilePage() {
  const user = await requirePerson();
  const profile = await getProfile(user.personId);
  if (!profile) notFound();
  const t = await getTranslations("profileForm");
  const locale = (await getLocale()) as Locale;
  const f = profile.fields;
  const defaults = {
    givenName: f.givenName ?? "",
    familyName: f.familyName ?? "",
    phone: f.phone ?? "",
    streetAddress: f.streetAddress ?? "",
    postalCode: f.postalCode ?? "",
    city: f.city ?? "",
    country: f.country ?? "",
    preferredLanguage: isLocale(f.preferredLanguage) ? f.preferredLanguage : locale,
    birthDate: f.birthDate ? formatDateInput(f.birthDate, locale) : "",
  };
  return (
    <div className="card">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <ProfileForm defaults={defaults} countries={countryOptions(locale)} />
    </div>
  );
}
