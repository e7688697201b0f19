import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/guards";
import { SystemForm } from "../system-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("systems"))("new") };
}

export default async function NewSystemPage() {
  await requireStaff("ADMIN");
  const t = await getTranslations("systems");
  return (
    <div className="card">
      <h1>{t("new")}</h1>
      <SystemForm defaults={{ key: "", name: "", kind: "CRM", webhookUrl: "", eventTypes: [], requiresErasureAck: false, active: true, manual: false, ownerEmail: "", manualInstructions: "" }} />
    </div>
  );
}
