import { getLocale, getTranslations } from "next-intl/server";
import { describeEventType } from "@/lib/i18n/describe-audit-entry";
import type { Locale } from "@/lib/i18n/locales";
import { emittedEventTypes } from "@/lib/propagation/event-types";
import { deliveryStatuses } from "@/lib/propagation/schemas";
import { parseSearchText } from "@/lib/parse-search-params";

/** A plain GET form: the filters live in the URL, so a filtered log can be linked and reloaded. */
export async function DeliveryFilters({ values, withPerson }: { values: { status?: string; eventType?: string; personId?: string }; withPerson: boolean }) {
  const t = await getTranslations("deliveries");
  const locale = (await getLocale()) as Locale;
  return (
    <form method="get" className="actions" aria-label={t("filters.legend")}>
      <div className="field">
        <label htmlFor="status">{t("filters.status")}</label>
        <select id="status" name="status" defaultValue={values.status ?? ""}>
          <option value="">{t("filters.any")}</option>
          {deliveryStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="eventType">{t("filters.eventType")}</label>
        <select id="eventType" name="eventType" defaultValue={values.eventType ?? ""}>
          <option value="">{t("filters.any")}</option>
          {emittedEventTypes.map((type) => (
            <option key={type} value={type}>
              {describeEventType(locale, type)}
            </option>
          ))}
        </select>
      </div>
      {withPerson && (
        <div className="field">
          <label htmlFor="personId">{t("filters.personId")}</label>
          <input id="personId" name="personId" defaultValue={values.personId ?? ""} />
        </div>
      )}
      <button type="submit">{t("filters.apply")}</button>
    </form>
  );
}

export type DeliverySearchParams = { status?: string; eventType?: string; personId?: string; cursor?: string };

/** The URL's filters, each dropped when it is not a valid value (a hand-edited URL shows everything). */
export function readDeliveryFilters(params: DeliverySearchParams) {
  const text = (v: string | undefined) => parseSearchText(v, 64) || undefined;
  return {
    status: deliveryStatuses.find((s) => s === params.status),
    eventType: text(params.eventType),
    personId: text(params.personId?.trim()),
    cursor: text(params.cursor),
  };
}
