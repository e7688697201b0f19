import { getConfig, type Config } from "../config";
import { contrastRatio, NEAR_BLACK, textColorOn, WHITE, AA_TEXT_CONTRAST } from "./contrast";
import { DEFAULT_BRAND, FAVICON_FILE, LOGO_FILE } from "./schema";

/** Everything the frame, the emails and the favicon need to look like the company. */
export interface Brand {
  name: string;
  /** The logo's src: an absolute URL, /brand-logo (a file in DATA_DIR) or the demo logo. */
  logoUrl: string;
  /** The brand colour and the text colour that reads on it (white or near-black). */
  color: string;
  onColor: string;
  /** The colour for links and outlined buttons on the light page: the brand colour when it reads there. */
  accent: string;
  privacyPolicyUrl: string;
  supportEmail: string;
  /** The page icon: /brand-icon (a file in DATA_DIR, or the initial on the brand colour) or an external URL. */
  favicon: { url: string; type?: string };
}

/** Path of the favicon route (app/brand-icon/route.ts). */
export const BRAND_ICON_PATH = "/brand-icon";

const iconTypes: Record<string, string> = { svg: "image/svg+xml", png: "image/png", ico: "image/x-icon" };

/** The media type of an icon file or URL from its extension; undefined when it has none we know. */
export const iconType = (name: string): string | undefined => iconTypes[new URL(name, "http://x").pathname.split(".").pop()!.toLowerCase()];

/** The page background (--bg in app/globals.css): links sit on it as well as on white cards. */
const PAGE_BACKGROUND = "#f6f7f9";

type BrandConfig = Pick<Config, "BRAND_NAME" | "BRAND_LOGO_URL" | "BRAND_FAVICON_URL" | "BRAND_COLOR" | "PRIVACY_POLICY_URL" | "SUPPORT_EMAIL" | "CONTROLLER_EMAIL" | "APP_URL">;

/** The brand of a configuration; `absolute` gives the logo a full URL (for emails). */
export function brandOf(config: BrandConfig, { absolute = false } = {}): Brand {
  const color = config.BRAND_COLOR;
  const onColor = textColorOn(color) ?? WHITE; // the schema refuses colours with neither
  const localLogo = config.BRAND_LOGO_URL && LOGO_FILE.test(config.BRAND_LOGO_URL) ? "/brand-logo" : null;
  const logoPath = localLogo ?? config.BRAND_LOGO_URL ?? DEFAULT_BRAND.logo;
  return {
    name: config.BRAND_NAME,
    logoUrl: absolute && logoPath.startsWith("/") ? `${config.APP_URL}${logoPath}` : logoPath,
    color,
    onColor,
    // A light brand colour (dark text on it) would make faint links: those use the text colour.
    accent: contrastRatio(color, PAGE_BACKGROUND) >= AA_TEXT_CONTRAST ? color : NEAR_BLACK,
    privacyPolicyUrl: config.PRIVACY_POLICY_URL,
    supportEmail: config.SUPPORT_EMAIL ?? config.CONTROLLER_EMAIL,
    favicon: faviconOf(config.BRAND_FAVICON_URL),
  };
}

function faviconOf(configured: string | undefined): Brand["favicon"] {
  // A file in DATA_DIR and the generated icon are both served by the favicon route.
  if (!configured) return { url: BRAND_ICON_PATH, type: "image/svg+xml" };
  const url = FAVICON_FILE.test(configured) ? BRAND_ICON_PATH : configured;
  const type = iconType(configured);
  return type ? { url, type } : { url };
}

/** This process's brand. */
export function getBrand(options?: { absolute?: boolean }): Brand {
  return brandOf(getConfig(), options);
}
