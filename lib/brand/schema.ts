// The BRAND_* variables, validated with the rest of the configuration in lib/config.ts so that a bad
// value stops start-up with a message naming the variable.
import { z } from "zod";
import { AA_TEXT_CONTRAST, contrastRatio, NEAR_BLACK, normaliseHex, textColorOn, WHITE } from "./contrast";

/** The demo's brand: what runs when nothing is configured. */
export const DEFAULT_BRAND = {
  name: "Omadata Demo",
  color: "#0e6074",
  logo: "/brand/omadata-logo.svg",
} as const;

/** A logo file inside DATA_DIR: a plain file name, no folders, an image type the app serves. */
export const LOGO_FILE = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.(svg|png|jpe?g|webp)$/i;

/** A favicon file inside DATA_DIR: a plain file name, an image type browsers take as a page icon. */
export const FAVICON_FILE = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.(svg|png|ico)$/i;

const isHttpUrl = (v: string) => z.url({ protocol: /^https?$/ }).safeParse(v).success;

const brandColor = z
  .string()
  .transform((v, ctx) => {
    const hex = normaliseHex(v);
    if (!hex) {
      ctx.addIssue({ code: "custom", message: "must be a hex colour such as #0e6074" });
      return z.NEVER;
    }
    if (!textColorOn(hex)) {
      const best = Math.max(contrastRatio(WHITE, hex), contrastRatio(NEAR_BLACK, hex)).toFixed(2);
      ctx.addIssue({
        code: "custom",
        message: `${hex} is unreadable behind text: neither white nor near-black text on it reaches the WCAG AA contrast of ${AA_TEXT_CONTRAST}:1 (best ${best}:1); pick a darker or lighter colour`,
      });
      return z.NEVER;
    }
    return hex;
  })
  .default(DEFAULT_BRAND.color);

/** Spread into the configuration's schema. */
export const brandEnvShape = {
  /** The company name shown in the frame, page titles and emails. */
  BRAND_NAME: z.string().trim().min(1).max(80, "must be at most 80 characters").default(DEFAULT_BRAND.name),
  /** An http(s) URL, or the name of an image file inside DATA_DIR that the app serves at /brand-logo. */
  BRAND_LOGO_URL: z
    .string()
    .refine((v) => isHttpUrl(v) || LOGO_FILE.test(v), "must be an http(s) URL or the name of an .svg, .png, .jpg or .webp file inside DATA_DIR (no folders)")
    .optional(),
  /**
   * The browser tab's icon: an http(s) URL, or the name of an .svg, .png or .ico file inside
   * DATA_DIR that the app serves at /brand-icon. Unset: the brand's initial on BRAND_COLOR.
   */
  BRAND_FAVICON_URL: z
    .string()
    .refine((v) => isHttpUrl(v) || FAVICON_FILE.test(v), "must be an http(s) URL or the name of an .svg, .png or .ico file inside DATA_DIR (no folders)")
    .optional(),
  /** Buttons, links, the header stripe and the emails' accent. */
  BRAND_COLOR: brandColor,
  /** Shown in the footer as the support contact; defaults to CONTROLLER_EMAIL. */
  SUPPORT_EMAIL: z.email("must be an email address").optional(),
};
