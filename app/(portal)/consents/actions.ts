"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requirePerson } from "@/lib/auth/guards";
import { grantConsent } from "@/lib/consents/grant-consent";
import { withdrawAllMarketing } from "@/lib/consents/withdraw-all-marketing";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";

async function context() {
  const user = await requirePerson();
  const locale = await getLocale();
  return {
    user,
    actor: await actorFor(user, "PERSON"),
    evidence: { locale: isLocale(locale) ? locale : undefined, userAgent: (await headers()).get("user-agent") ?? undefined },
  };
}

/** Grants the version of the text the person was shown; a changed text is refused, not silently granted. */
export async function grantConsentAction(purposeKey: string, version: number) {
  const { user, actor, evidence } = await context();
  const result = await toActionResult(() => grantConsent({ actor, personId: user.personId, input: { purposeKey, version, source: "PORTAL", ...evidence } }));
  revalidatePath("/consents");
  return result;
}

export async function withdrawConsentAction(purposeKey: string) {
  const { user, actor, evidence } = await context();
  const result = await toActionResult(() => withdrawConsent({ actor, personId: user.personId, input: { purposeKey, source: "PORTAL", ...evidence } }));
  revalidatePath("/consents");
  return result;
}

export async function withdrawAllMarketingAction() {
  const { user, actor, evidence } = await context();
  const result = await toActionResult(() => withdrawAllMarketing({ actor, personId: user.personId, input: { source: "PORTAL", ...evidence } }));
  revalidatePath("/consents");
  return result;
}
