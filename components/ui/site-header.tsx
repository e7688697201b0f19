import Link from "next/link";
import type { ReactNode } from "react";

/** The bar at the top of every page; the navigation is passed in. */
export function SiteHeader({ brand, homeHref, skipLabel, children }: { brand: string; homeHref: string; skipLabel: string; children?: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        {skipLabel}
      </a>
      <header className="site-header">
        <div className="inner">
          <Link className="brand" href={homeHref}>
            {brand}
          </Link>
          <nav className="site-nav">{children}</nav>
        </div>
      </header>
    </>
  );
}
