import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/sign-out-action";
import { setLocaleAction } from "@/app/locale-actions";
import type { SessionUser } from "@/lib/auth/guards";
import { hasRole, isStaff } from "@/lib/auth/roles";
import { NavLink } from "./frame/nav-link";
import { LanguageSwitcher } from "./language-switcher";

/** Header navigation for a signed-in user: the area's pages, then name, back-office link, language, sign-out. */
export async function SessionNav({ user, area }: { user: SessionUser; area: "portal" | "admin" }) {
  const t = await getTranslations("common");
  const nav = await getTranslations("nav");
  return (
    <>
      {area === "portal" && (
        <>
          <NavLink href="/profile">{nav("profile")}</NavLink>
          <NavLink href="/consents">{nav("consents")}</NavLink>
          <NavLink href="/activity">{nav("activity")}</NavLink>
          <NavLink href="/sessions">{nav("sessions")}</NavLink>
          <NavLink href="/data">{nav("data")}</NavLink>
          <NavLink href="/requests">{nav("requests")}</NavLink>
        </>
      )}
      {area === "admin" && hasRole(user.role, "PRIVACY_OFFICER") && <NavLink href="/admin/requests">{nav("adminRequests")}</NavLink>}
      {area === "admin" && hasRole(user.role, "ADMIN") && <NavLink href="/admin/systems">{nav("adminSystems")}</NavLink>}
      {area === "admin" && <NavLink href="/admin/deliveries">{nav("adminDeliveries")}</NavLink>}
      <div className="account">
        <span className="signed-in-name" data-testid="signed-in-name" title={user.displayName ?? undefined}>
          {user.displayName ?? t("portal")}
        </span>
        {area === "portal" && isStaff(user.role) && <NavLink href="/admin">{t("backOffice")}</NavLink>}
        {area === "admin" && <NavLink href="/">{t("portal")}</NavLink>}
        <LanguageSwitcher setLocale={setLocaleAction} />
        <form action={signOutAction} className="inline-form">
          <button type="submit" className="secondary">
            {t("signOut")}
          </button>
        </form>
      </div>
    </>
  );
}
