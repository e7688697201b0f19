import { getConfig } from "../config";

/** The origin of an external BRAND_LOGO_URL, for the pages' img-src; null for a local logo. */
export function logoOrigin(): string | null {
  const url = getConfig().BRAND_LOGO_URL;
  return url && /^https?:\/\//i.test(url) ? new URL(url).origin : null;
}
