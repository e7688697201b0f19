import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/guards";
import { OnBehalfForm } from "./on-behalf-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("officer"))("onBehalfTitle") };
}

export default async function NewOnBehalfRequestPage() {
  await requireStaff("PRIVACY_OFFICER");
  const t = await getTranslations("officer");
  return (
    <div className="card">
      <p>
        <Link href="/admin/requests">{t("back")}</Link>
      </p>
      <h1>{t("onBehalfTitle")}</h1>
      <p className="muted">{t("onBehalfIntro")}</p>
      <OnBehalfForm />
    </div>
  );
}
