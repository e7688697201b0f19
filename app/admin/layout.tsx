import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { SiteFrame } from "@/components/frame/site-frame";
import { SessionNav } from "@/components/session-nav";
import { requireStaff } from "@/lib/auth/guards";
import { clientMessages } from "@/lib/i18n/client-messages";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff("SUPPORT");
  const t = await getTranslations("common");
  return (
    <SiteFrame homeHref="/admin" area={t("backOffice")} nav={<SessionNav user={user} area="admin" />}>
      <AdminNav role={user.role} />
      <NextIntlClientProvider messages={await clientMessages("admin")}>{children}</NextIntlClientProvider>
    </SiteFrame>
  );
}
