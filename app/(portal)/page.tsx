import { getTranslations } from "next-intl/server";
import { requirePerson } from "@/lib/auth/guards";

export default async function PortalHomePage() {
  const user = await requirePerson();
  const t = await getTranslations("home");
  return (
    <div className="card">
      <h1>{user.displayName ? t("greeting", { name: user.displayName }) : t("greetingNoName")}</h1>
      <p>{t("intro")}</p>
    </div>
  );
}
