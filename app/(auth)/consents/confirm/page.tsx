import { getLocale, getTranslations } from "next-intl/server";
import { getConsentConfirmation } from "@/lib/consents/get-consent-confirmation";
import type { Locale } from "@/lib/i18n/locales";
import { ConfirmConsentButton } from "./confirm-consent-button";

export default async function ConfirmConsentPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const t = await getTranslations("consentConfirm");
  const view = await getConsentConfirmation(token, (await getLocale()) as Locale);
  return (
    <div className="card narrow">
      <h1>{t("title")}</h1>
      {view.state === "pending" && (
        <>
          <p>{t("body", { title: view.title })}</p>
          <ConfirmConsentButton token={token} />
        </>
      )}
      {view.state === "confirmed" && <p role="status">{t("already")}</p>}
      {(view.state === "expired" || view.state === "invalid") && <p role="alert">{t("invalid")}</p>}
    </div>
  );
}
