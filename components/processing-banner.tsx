import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { getProcessingState } from "@/lib/persons/get-processing-state";

/**
 * Said first on the person's home, profile and data pages: processing of their data is
 * restricted, or their erasure is scheduled (with the date, and the way to cancel it while that
 * is still possible). Nothing when neither holds.
 */
export async function ProcessingBanner({ personId }: { personId: string }) {
  const state = await getProcessingState(personId);
  if (!state.restrictedAt && !state.erasure) return null;
  const t = await getTranslations("processingBanner");
  const format = await getFormatter();
  const { erasure } = state;
  return (
    <section className="banner warning" aria-labelledby="processing-banner-title" data-testid="processing-banner">
      <h2 id="processing-banner-title">{erasure ? t("erasureTitle") : t("restrictedTitle")}</h2>
      {erasure && (
        <p data-testid="banner-erasure">
          {t("erasureScheduled", { date: format.dateTime(erasure.scheduledFor, { dateStyle: "long" }) })}{" "}
          {erasure.cancellable ? <Link href="/data/delete">{t("erasureCancel")}</Link> : t("erasureUnderWay")}
        </p>
      )}
      {state.restrictedAt && (
        <p data-testid="banner-restricted">
          {t("restricted", { date: format.dateTime(state.restrictedAt, { dateStyle: "long" }) })} <Link href="/requests">{t("requestsLink")}</Link>
        </p>
      )}
    </section>
  );
}
