import { getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/config";

export default async function PrivacyPage() {
  const t = await getTranslations("privacy");
  const c = getConfig();
  return (
    <div className="card">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <h2>{t("controller")}</h2>
      <p>
        {c.CONTROLLER_NAME}
        <br />
        {c.CONTROLLER_ADDRESS}
      </p>
      <h2>{t("contact")}</h2>
      <p>
        <a href={`mailto:${c.CONTROLLER_EMAIL}`}>{c.CONTROLLER_EMAIL}</a> · {c.CONTROLLER_PHONE}
      </p>
    </div>
  );
}
