import { createFormatter } from "next-intl";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { getConfig } from "../config";
import { intlLocale } from "./format-date";

/**
 * next-intl's formatter for server components, formatting in the configured zone (TIME_ZONE, as
 * the request config gives the browser) with the Finnish-region locale of the UI language
 * (en → en-GB: "7 Dec 2026, 19:37", not "Dec 7, 2026, 7:37 PM"). Use it instead of next-intl's
 * getFormatter, whose "en" is US English. relativeTime needs its `now` passed in.
 */
export const getFormatter = cache(async () => createFormatter({ locale: intlLocale(await getLocale()), timeZone: getConfig().TIME_ZONE }));
