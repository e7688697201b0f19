import { getConfig } from "../config";

/**
 * Who the passkeys belong to: the host of APP_URL (rpID) and its origin, which the browser's
 * signed client data must name. localhost counts as a secure context, so tests run on plain http.
 */
export function relyingParty() {
  const config = getConfig();
  const url = new URL(config.APP_URL);
  return { rpID: url.hostname, origin: url.origin, rpName: config.BRAND_NAME };
}
