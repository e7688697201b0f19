import { getConfig } from "../config";

/** The origins of an external BRAND_LOGO_URL and BRAND_FAVICON_URL, for the pages' img-src; empty for local files. */
export function brandImageOrigins(): string[] {
  const { BRAND_LOGO_URL, BRAND_FAVICON_URL } = getConfig();
  const origins = [BRAND_LOGO_URL, BRAND_FAVICON_URL].flatMap((url) => (url && /^https?:\/\//i.test(url) ? [new URL(url).origin] : []));
  return [...new Set(origins)];
}
