import { getLocale, getTranslations } from "next-intl/server";
import { getUnsubscribeTarget } from "@/lib/consents/get-unsubscribe-target";
import type { Locale } from "@/lib/i18n/locales";

// GET shows what the link would stop and asks; only the POST (button or one-click) withdraws.
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string; result?: string }> }) {
  const { token = "", result } = await searchParams;
  const t = await getTranslations("unsubscribe");
  const target = await getUnsubscribeTarget(token, (await getLocale()) as Locale);
  return (
    <div className="card narrow">
      <h1>{t("title")}</h1>
      {!target.valid && <p role="alert">{target.reason === "expired" ? t("expired") : t("invalid")}</p>}
      {target.valid && target.withdrawn && (
        <p role="status" className="notice">
          {result === "done" ? t("done", { title: target.title }) : t("alreadyDone", { title: target.title })}
        </p>
      )}
      {target.valid && !target.withdrawn && (
        <form method="post" action={`/api/unsubscribe?token=${encodeURIComponent(token)}`}>
          <p>{t("body", { title: target.title })}</p>
          <button type="submit">{t("button")}</button>
        </form>
      )}
    </div>
  );
}
