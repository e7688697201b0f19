import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SiteHeader } from "@/components/ui/site-header";
import { setLocaleAction } from "../locale-actions";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <>
      <SiteHeader brand={t("appName")} homeHref="/" skipLabel={t("skipToContent")}>
        <LanguageSwitcher setLocale={setLocaleAction} />
      </SiteHeader>
      <main id="main">{children}</main>
    </>
  );
}
