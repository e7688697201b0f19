import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SessionNav } from "@/components/session-nav";
import { SiteHeader } from "@/components/ui/site-header";
import { requirePerson } from "@/lib/auth/guards";
import { clientMessages } from "@/lib/i18n/client-messages";
import { honourGpc } from "./honour-gpc";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requirePerson();
  await honourGpc(user);
  const t = await getTranslations("common");
  return (
    <>
      <SiteHeader brand={t("appName")} homeHref="/" skipLabel={t("skipToContent")}>
        <SessionNav user={user} area="portal" />
      </SiteHeader>
      <main id="main">
        <NextIntlClientProvider messages={await clientMessages("portal")}>{children}</NextIntlClientProvider>
      </main>
    </>
  );
}
