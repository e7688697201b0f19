import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/guards";
import { PurposeForm } from "./purpose-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("purposesAdmin"))("newTitle") };
}

/** A new purpose with its draft texts. ADMIN only. */
export default async function NewPurposePage() {
  await requireStaff("ADMIN");
  const t = await getTranslations("purposesAdmin");
  return (
    <div className="card">
      <h1>{t("newTitle")}</h1>
      <p className="muted">{t("newIntro")}</p>
      <PurposeForm />
    </div>
  );
}
