import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main id="main">
      <div className="card narrow">
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        <Link href="/">{(await getTranslations("common"))("portal")}</Link>
      </div>
    </main>
  );
}
