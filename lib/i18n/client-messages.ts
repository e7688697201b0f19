import "server-only";
import type { AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * The message namespaces each area's client components use (useTranslations). Only these are
 * sent to the browser, in every page's payload: all messages would add some 55 KB to each page
 * and to the time it takes to render. tests/unit/client-messages.test.ts keeps the lists whole.
 */
export const clientNamespaces = {
  root: ["common"],
  portal: ["common", "profile", "profileForm", "orgReport", "emailChange", "signIn", "sessions", "consentErrors", "consents", "dataExport", "erasure", "requests"],
  admin: ["common", "deliveries", "systems", "staff", "person360", "profile", "profileForm", "officer", "requests", "importer", "purposesAdmin", "duplicates"],
  auth: ["common", "receiptVerify", "signIn", "consentConfirm", "emailChange", "emailChangeEmail", "requests"],
} as const;

export type ClientArea = keyof typeof clientNamespaces;

/** The messages an area's client components need, for its NextIntlClientProvider. */
export async function clientMessages(area: ClientArea): Promise<AbstractIntlMessages> {
  const messages = await getMessages();
  return Object.fromEntries(clientNamespaces[area].flatMap((ns) => (ns in messages ? [[ns, messages[ns]!]] : [])));
}
