import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const t = await getTranslations("signIn");
  return (
    <div className="card narrow">
      <h1>{t("errorTitle")}</h1>
      <p role="alert">{error === "Verification" ? t("errorVerification") : t("errorGeneric")}</p>
      <Link className="button" href="/signin">
        {t("requestNew")}
      </Link>
    </div>
  );
}
