import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SiteHeader } from "@/components/ui/site-header";
import { clientMessages } from "@/lib/i18n/client-messages";
import { setLocaleAction } from "../locale-actions";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <>
      <SiteHeader brand={t("appName")} homeHref="/" skipLabel={t("skipToContent")}>
        <LanguageSwitcher setLocale={setLocaleAction} />
      </SiteHeader>
      <main id="main">
        <NextIntlClientProvider messages={await clientMessages("auth")}>{children}</NextIntlClientProvider>
      </main>
    </>
  );
}
