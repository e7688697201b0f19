import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { SiteFrame } from "@/components/frame/site-frame";
import { SessionNav } from "@/components/session-nav";
import { requirePerson } from "@/lib/auth/guards";
import { clientMessages } from "@/lib/i18n/client-messages";
import { honourGpc } from "./honour-gpc";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requirePerson();
  await honourGpc(user);
  return (
    <SiteFrame homeHref="/" nav={<SessionNav user={user} area="portal" />}>
      <NextIntlClientProvider messages={await clientMessages("portal")}>{children}</NextIntlClientProvider>
    </SiteFrame>
  );
}
