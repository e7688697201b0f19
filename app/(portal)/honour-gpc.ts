import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { actorFor, type SessionUser } from "@/lib/auth/guards";
import { applyGlobalPrivacyControl } from "@/lib/consents/apply-global-privacy-control";
import { isLocale } from "@/lib/i18n/locales";

/**
 * Global Privacy Control: a signed-in request with exactly `Sec-GPC: 1` withdraws the
 * sale/sharing purposes still granted. Once per request (layout and page share it), and it
 * writes only when something is granted, so a steady signal writes once per change.
 */
export const honourGpc = cache(async (user: SessionUser & { personId: string }) => {
  const h = await headers();
  if (h.get("sec-gpc") !== "1") return { signal: false, withdrawn: [] as string[] };
  const { withdrawn } = await applyGlobalPrivacyControl({
    personId: user.personId,
    actor: await actorFor(user, "PERSON"),
    userAgent: h.get("user-agent") ?? undefined,
    locale: isLocale(user.preferredLanguage) ? user.preferredLanguage : undefined,
  });
  return { signal: true, withdrawn };
});
