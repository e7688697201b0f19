import "server-only";
import type { AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * The message namespaces each area's client components use (useTranslations). Only these are
 * sent to the browser, in every page's payload: all messages would add some 55 KB to each page
 * and to the time it takes to render. The back-office sends each section its own (a layout per
 * section, its provider in place of the area's): all of them made 41 KB of every back-office
 * page, the staff search's included. tests/unit/client-messages.test.ts keeps the lists whole.
 */
export const clientNamespaces = {
  root: ["common"],
  portal: ["common", "profile", "profileForm", "orgReport", "emailChange", "signIn", "sessions", "consentErrors", "consents", "dataExport", "erasure", "requests"],
  admin: ["common", "person360"],
  "admin/deliveries": ["common", "deliveries"],
  "admin/systems": ["common", "deliveries", "systems"],
  "admin/staff": ["common", "staff"],
  "admin/person": ["common", "person360", "profile", "profileForm"],
  "admin/requests": ["common", "officer", "requests"],
  "admin/import": ["common", "importer"],
  "admin/purposes": ["common", "purposesAdmin"],
  "admin/duplicates": ["common", "duplicates", "profile"],
  auth: ["common", "receiptVerify", "signIn", "consentConfirm", "emailChange", "emailChangeEmail", "requests"],
} as const;

export type ClientArea = keyof typeof clientNamespaces;

/** The messages an area's client components need, for its NextIntlClientProvider. */
export async function clientMessages(area: ClientArea): Promise<AbstractIntlMessages> {
  const messages = await getMessages();
  return Object.fromEntries(clientNamespaces[area].flatMap((ns) => (ns in messages ? [[ns, messages[ns]!]] : [])));
}
