import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A full-page message (403, 404) with a way back to the portal. */
export async function StatusPage({ namespace }: { namespace: "forbidden" | "notFound" }) {
  const t = await getTranslations(namespace);
  const common = await getTranslations("common");
  return (
    <main id="main">
      <div className="card narrow">
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        <Link href="/">{common("portal")}</Link>
      </div>
    </main>
  );
}
