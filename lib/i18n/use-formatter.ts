"use client";

import { createFormatter, useLocale, useTimeZone } from "next-intl";
import { useMemo } from "react";
import { intlLocale } from "./format-date";

/** The client-side counterpart of get-formatter.ts: the same locales and zone as the server. */
export function useFormatter() {
  const locale = useLocale();
  const timeZone = useTimeZone();
  return useMemo(() => createFormatter({ locale: intlLocale(locale), timeZone }), [locale, timeZone]);
}
