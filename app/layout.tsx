import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { brandStyle } from "@/components/frame/brand-style";
import { getBrand } from "@/lib/brand/get-brand";
import { clientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

// Every page reads the database or the session: render per request, never at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  const { name, favicon } = getBrand();
  return { title: { default: name, template: `%s · ${name}` }, description: t("tagline"), icons: { icon: [favicon] } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} style={brandStyle(getBrand())}>
      <body>
        <NextIntlClientProvider messages={await clientMessages("root")}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
