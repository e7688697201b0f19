import type { CSSProperties } from "react";
import type { Brand } from "@/lib/brand/get-brand";

/**
 * The brand as CSS custom properties, set once on <html>: every rule in app/globals.css that
 * colours something with the brand reads these, so the configuration is the one place to change.
 */
export function brandStyle(brand: Brand): CSSProperties {
  return {
    "--brand": brand.color,
    "--on-brand": brand.onColor,
    "--accent": brand.accent,
    // Buttons fill with --accent: white reads on it whenever it is the brand colour or the text colour.
    "--accent-text": brand.accent === brand.color ? brand.onColor : "#ffffff",
  } as CSSProperties;
}
