import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/enums";
import { NavLink } from "../frame/nav-link";

const links: { href: string; key: "dashboard" | "persons" | "duplicates" | "tasks" | "import" | "audit" | "purposes" | "staff" | "queue"; minimum: Role }[] = [
  { href: "/admin", key: "dashboard", minimum: "SUPPORT" },
  { href: "/admin/persons", key: "persons", minimum: "SUPPORT" },
  { href: "/admin/duplicates", key: "duplicates", minimum: "PRIVACY_OFFICER" },
  { href: "/admin/tasks", key: "tasks", minimum: "PRIVACY_OFFICER" },
  { href: "/admin/audit", key: "audit", minimum: "PRIVACY_OFFICER" },
  { href: "/admin/import", key: "import", minimum: "ADMIN" },
  { href: "/admin/purposes", key: "purposes", minimum: "ADMIN" },
  { href: "/admin/staff", key: "staff", minimum: "ADMIN" },
  { href: "/admin/queue", key: "queue", minimum: "ADMIN" },
];

/** The back-office sections the staff member's role opens. */
export async function AdminNav({ role }: { role: Role }) {
  const t = await getTranslations("adminNav");
  return (
    <nav className="admin-nav" aria-label={t("label")}>
      <ul>
        {links
          .filter((link) => hasRole(role, link.minimum))
          .map((link) => (
            <li key={link.href}>
              <NavLink href={link.href} exact={link.href === "/admin"}>
                {t(link.key)}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
