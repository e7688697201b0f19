import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { SessionNav } from "@/components/session-nav";
import { SiteHeader } from "@/components/ui/site-header";
import { requireStaff } from "@/lib/auth/guards";
import { clientMessages } from "@/lib/i18n/client-messages";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff("SUPPORT");
  const t = await getTranslations("common");
  return (
    <>
      <SiteHeader brand={`${t("appName")} · ${t("backOffice")}`} homeHref="/admin" skipLabel={t("skipToContent")}>
        <SessionNav user={user} area="admin" />
      </SiteHeader>
      <main id="main">
        <AdminNav role={user.role} />
        <NextIntlClientProvider messages={await clientMessages("admin")}>{children}</NextIntlClientProvider>
      </main>
    </>
  );
}
