// WCAG 2.x contrast (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio): the brand colour is checked
// at start-up against the text the theme puts on it, so a configured colour can never ship
// unreadable buttons or header text.

export const WHITE = "#ffffff";
/** The theme's dark text colour (as --text in app/globals.css). */
export const NEAR_BLACK = "#1b1f24";
/** WCAG AA for normal-size text. */
export const AA_TEXT_CONTRAST = 4.5;

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** "#AbC" or "#aabbcc" as lower-case "#aabbcc"; null for anything else. */
export function normaliseHex(value: string): string | null {
  const v = value.trim();
  if (!HEX.test(v)) return null;
  const digits = v.slice(1).toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits}`;
}

/** Relative luminance of an sRGB colour, 0 (black) … 1 (white). */
export function relativeLuminance(hex: string): number {
  const rgb = normaliseHex(hex);
  if (!rgb) throw new Error(`not a hex colour: ${hex}`);
  const channel = (i: number) => {
    const c = parseInt(rgb.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** Contrast ratio between two colours, 1 … 21, whichever order they come in. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The text colour the theme puts on a brand colour: white when white reads (AA), else the near-black
 * text colour when that does; null when neither reaches AA (the colour is refused).
 */
export function textColorOn(background: string): string | null {
  if (contrastRatio(WHITE, background) >= AA_TEXT_CONTRAST) return WHITE;
  if (contrastRatio(NEAR_BLACK, background) >= AA_TEXT_CONTRAST) return NEAR_BLACK;
  return null;
}
