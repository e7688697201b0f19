import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { PasskeySignIn } from "./passkey-sign-in";
import { SignInForm } from "./sign-in-form";
import { StaffSignIn } from "./staff-sign-in";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getSessionUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("signIn");
  const config = getConfig();
  return (
    <div className="card narrow">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <SignInForm callbackUrl={callbackUrl} />
      <PasskeySignIn callbackUrl={callbackUrl} />
      {config.oidc && <StaffSignIn callbackUrl={callbackUrl} ssoOnly={config.STAFF_SSO_ONLY} />}
    </div>
  );
}
