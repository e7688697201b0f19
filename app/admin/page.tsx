import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/guards";

export default async function AdminHomePage() {
  const user = await requireStaff("SUPPORT");
  const t = await getTranslations("admin");
  return (
    <div className="card">
      <h1>{t("title")}</h1>
      <p>{t("intro", { role: t(`roles.${user.role}`) })}</p>
    </div>
  );
}
