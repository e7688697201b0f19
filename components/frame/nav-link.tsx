"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A navigation link that marks where the person is: aria-current="page" on its own page, "true"
 * on a page below it (a section), unless `exact` (a dashboard at the top of its area).
 */
export function NavLink({ href, exact = false, children }: { href: string; exact?: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href ? "page" : !exact && pathname.startsWith(`${href}/`) ? "true" : undefined;
  return (
    <Link href={href} aria-current={current} className="nav-link">
      {children}
    </Link>
  );
}
