import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { SiteFrame } from "@/components/frame/site-frame";
import { LanguageSwitcher } from "@/components/language-switcher";
import { clientMessages } from "@/lib/i18n/client-messages";
import { setLocaleAction } from "../locale-actions";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <SiteFrame homeHref="/" nav={<LanguageSwitcher setLocale={setLocaleAction} />}>
      <NextIntlClientProvider messages={await clientMessages("auth")}>{children}</NextIntlClientProvider>
    </SiteFrame>
  );
}
