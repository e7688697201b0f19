import { getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/config";

export default async function CheckEmailPage() {
  const t = await getTranslations("signIn");
  return (
    <div className="card narrow">
      <h1>{t("checkEmailTitle")}</h1>
      <p>{t("checkEmailBody")}</p>
      {/* Said to everyone, so it reveals nothing about the address typed. */}
      {getConfig().STAFF_SSO_ONLY && <p className="muted">{t("checkEmailStaffNote")}</p>}
    </div>
  );
}
