import { getTranslations } from "next-intl/server";

export default async function CheckEmailPage() {
  const t = await getTranslations("signIn");
  return (
    <div className="card narrow">
      <h1>{t("checkEmailTitle")}</h1>
      <p>{t("checkEmailBody")}</p>
    </div>
  );
}
