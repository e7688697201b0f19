import { getTranslations } from "next-intl/server";
import { ConfirmEmailButton } from "./confirm-button";

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("emailChangeEmail");
  const change = await getTranslations("emailChange");
  return (
    <div className="card narrow">
      <h1>{t("confirmHeading")}</h1>
      {token ? (
        <ConfirmEmailButton token={token} />
      ) : (
        <p role="alert">{change("invalidBody")}</p>
      )}
    </div>
  );
}
