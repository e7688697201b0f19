import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePerson, signedInRecently } from "@/lib/auth/guards";
import { EmailChangeForm } from "./email-change-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emailChange"))("title") };
}

export default async function EmailChangePage() {
  const user = await requirePerson();
  const t = await getTranslations("emailChange");
  return (
    <div className="card narrow">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <EmailChangeForm needsReauth={!signedInRecently(user)} />
    </div>
  );
}
