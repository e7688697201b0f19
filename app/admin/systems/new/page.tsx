import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/guards";
import { describeEventType } from "@/lib/i18n/describe-audit-entry";
import type { Locale } from "@/lib/i18n/locales";
import { eventTypes } from "@/lib/propagation/event-types";
import { SystemForm } from "../system-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("systems"))("new") };
}

export default async function NewSystemPage() {
  await requireStaff("ADMIN");
  const t = await getTranslations("systems");
  const locale = (await getLocale()) as Locale;
  const eventTypeLabels = Object.fromEntries(eventTypes.map((type) => [type, describeEventType(locale, type)]));
  return (
    <div className="card">
      <h1>{t("new")}</h1>
      <SystemForm defaults={{ key: "", name: "", kind: "CRM", webhookUrl: "", eventTypes: [], requiresErasureAck: false, active: true, manual: false, ownerEmail: "", manualInstructions: "" }} eventTypeLabels={eventTypeLabels} />
    </div>
  );
}
