import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmRequestButton } from "./confirm-request-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests.confirm"))("title") };
}

export default async function ConfirmRequestPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("requests.confirm");
  return (
    <div className="card narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {token ? <ConfirmRequestButton token={token} /> : <p role="alert">{t("invalid")}</p>}
    </div>
  );
}
