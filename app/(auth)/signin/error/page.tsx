import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Refusals of staff sign-in (lib/auth/staff-sso.ts, authorize-sign-in.ts), each with its words. */
const staffErrors = { StaffNoRole: "errorStaffNoRole", StaffEmailUnverified: "errorStaffEmailUnverified", StaffSsoOnly: "errorStaffSsoOnly" } as const;

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const t = await getTranslations("signIn");
  const staffError = error && Object.hasOwn(staffErrors, error) ? staffErrors[error as keyof typeof staffErrors] : null;
  const title = staffError && error !== "StaffSsoOnly" ? t("errorStaffTitle") : t("errorTitle");
  return (
    <div className="card narrow">
      <h1>{title}</h1>
      <p role="alert">{staffError ? t(staffError) : error === "Verification" ? t("errorVerification") : t("errorGeneric")}</p>
      <Link className="button" href="/signin">
        {staffError ? t("backToSignIn") : t("requestNew")}
      </Link>
    </div>
  );
}
