import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/sign-out-action";
import { setLocaleAction } from "@/app/locale-actions";
import type { SessionUser } from "@/lib/auth/guards";
import { hasRole, isStaff } from "@/lib/auth/roles";
import { LanguageSwitcher } from "./language-switcher";

/** Header navigation for a signed-in user: name, language, back-office link, sign-out. */
export async function SessionNav({ user, area }: { user: SessionUser; area: "portal" | "admin" }) {
  const t = await getTranslations("common");
  const nav = await getTranslations("nav");
  return (
    <>
      {area === "portal" && (
        <>
          <Link href="/profile">{nav("profile")}</Link>
          <Link href="/consents">{nav("consents")}</Link>
          <Link href="/activity">{nav("activity")}</Link>
          <Link href="/sessions">{nav("sessions")}</Link>
          <Link href="/data">{nav("data")}</Link>
          <Link href="/requests">{nav("requests")}</Link>
        </>
      )}
      {area === "admin" && hasRole(user.role, "PRIVACY_OFFICER") && <Link href="/admin/requests">{nav("adminRequests")}</Link>}
      {area === "admin" && hasRole(user.role, "ADMIN") && <Link href="/admin/systems">{nav("adminSystems")}</Link>}
      {area === "admin" && <Link href="/admin/deliveries">{nav("adminDeliveries")}</Link>}
      <span data-testid="signed-in-name">{user.displayName ?? t("portal")}</span>
      {area === "portal" && isStaff(user.role) && <Link href="/admin">{t("backOffice")}</Link>}
      {area === "admin" && <Link href="/">{t("portal")}</Link>}
      <LanguageSwitcher setLocale={setLocaleAction} />
      <form action={signOutAction} className="inline-form">
        <button type="submit" className="secondary">
          {t("signOut")}
        </button>
      </form>
    </>
  );
}
