import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getBrand } from "@/lib/brand/get-brand";
import { MenuDisclosure } from "./menu-disclosure";
import { SiteFooter } from "./site-footer";

/**
 * Every page's frame: skip link, a one-row header (brand, then the navigation, behind a menu
 * button on phones), the page, and the footer.
 */
export async function SiteFrame({ homeHref, area, nav, children }: { homeHref: string; area?: string; nav: ReactNode; children: ReactNode }) {
  const brand = getBrand();
  const t = await getTranslations("frame");
  const common = await getTranslations("common");
  return (
    <>
      <a className="skip-link" href="#main">
        {common("skipToContent")}
      </a>
      <header className="site-header">
        <div className="inner">
          <Link className="brand" href={homeHref}>
            {/* The name beside it says what the logo says: decorative for assistive technology. */}
            {/* eslint-disable-next-line @next/next/no-img-element -- a configured URL or SVG; next/image would need remotePatterns */}
            <img className="brand-logo" src={brand.logoUrl} alt="" width={32} height={32} />
            <span className="brand-name">{brand.name}</span>
            {area && <span className="brand-area">{area}</span>}
          </Link>
          <MenuDisclosure id="site-menu" label={t("menu")}>
            <nav className="site-nav" aria-label={t("navLabel")}>
              {nav}
            </nav>
          </MenuDisclosure>
        </div>
      </header>
      <main id="main">{children}</main>
      <SiteFooter brand={brand} />
    </>
  );
}
