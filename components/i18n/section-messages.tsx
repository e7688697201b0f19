import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { clientMessages, type ClientArea } from "@/lib/i18n/client-messages";

/** A section's layout: its client components get the section's own message namespaces (clientNamespaces), in place of the area's. */
export async function SectionMessages({ area, children }: { area: ClientArea; children: ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(area)}>{children}</NextIntlClientProvider>;
}
