"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { grantConsent } from "@/lib/consents/grant-consent";
import { withdrawAllMarketing } from "@/lib/consents/withdraw-all-marketing";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { isLocale } from "@/lib/i18n/locales";

/** The proof of a portal consent event: the page's language and the browser. */
async function evidence() {
  const locale = await getLocale();
  return { locale: isLocale(locale) ? locale : undefined, userAgent: (await headers()).get("user-agent") ?? undefined };
}

// The purpose key and version are parsed by the domain's schema, so its field errors reach the switch.

/** Grants the version of the text the person was shown; a changed text is refused, not silently granted. */
export const grantConsentAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<string>(), untrusted<number>()]),
  handler: async ({ user, actor, args: [purposeKey, version] }) =>
    grantConsent({ actor, personId: user.personId, input: { purposeKey, version, source: "PORTAL", ...(await evidence()) } }),
  revalidate: ["/consents"],
});

export const withdrawConsentAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<string>()]),
  handler: async ({ user, actor, args: [purposeKey] }) => withdrawConsent({ actor, personId: user.personId, input: { purposeKey, source: "PORTAL", ...(await evidence()) } }),
  revalidate: ["/consents"],
});

export const withdrawAllMarketingAction = defineAction({
  caller: "person",
  args: z.tuple([]),
  handler: async ({ user, actor }) => withdrawAllMarketing({ actor, personId: user.personId, input: { source: "PORTAL", ...(await evidence()) } }),
  revalidate: ["/consents"],
});
