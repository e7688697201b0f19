import { getTranslations } from "next-intl/server";
import { VerifyReceiptForm } from "./verify-form";

export default async function VerifyReceiptPage() {
  const t = await getTranslations("receiptVerify");
  return (
    <div className="card narrow">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <VerifyReceiptForm />
      <p>
        <a href="/.well-known/jwks.json">{t("keyLink")}</a>
      </p>
    </div>
  );
}
