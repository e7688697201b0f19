import type { Brand } from "./get-brand";

const escapeXml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * The favicon when none is configured: the brand name's first letter in the text colour that
 * reads on the brand colour, on a rounded square of the brand colour ("K" on yellow for Kahvila Oy).
 */
export function brandIconSvg(brand: Pick<Brand, "name" | "color" | "onColor">): string {
  const initial = escapeXml([...brand.name.trim()][0]?.toLocaleUpperCase("fi") ?? "");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">` +
    `<rect width="32" height="32" rx="7" fill="${brand.color}"/>` +
    `<text x="16" y="22.5" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="19" font-weight="700" fill="${brand.onColor}">${initial}</text>` +
    `</svg>`
  );
}
