import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { ActionButton } from "@/components/admin/action-button";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { getPurposeForAdmin } from "@/lib/consents/get-purpose-for-admin";
import { localizePurposeText } from "@/lib/consents/localize-purpose-text";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { retirePurposeAction } from "../actions";
import { DraftForm, PublishForm } from "./draft-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("purposesAdmin"))("title") };
}

/** One purpose: its versions, the draft's texts, publishing and retiring. ADMIN only. */
export default async function PurposePage({ params }: { params: Promise<{ key: string }> }) {
  const user = await requireStaff("ADMIN");
  const { key } = await params;
  const purpose = await getPurposeForAdmin({ actor: await actorFor(user, "STAFF"), purposeKey: key }).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("purposesAdmin");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const base = purpose.draft ?? purpose.versions[0];
  const title = base ? localizePurposeText(base.texts, locale).title : purpose.key;
  return (
    <>
      <h1>
        {title} <code>{purpose.key}</code>
      </h1>
      <p>
        {t(`channels.${purpose.channel}`)}, {t(`legalBases.${purpose.legalBasis}`)} · {t("grantsSummary", { grants: purpose.grants, renewal: purpose.grantsNeedingRenewal })}
        {purpose.retiredAt && <span className="badge">{t("retired")}</span>}
      </p>
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t("versions")}</h2>
        <ul data-testid="purpose-versions">
          {purpose.versions.map((v) => (
            <li key={v.version}>
              v{v.version}: {localizePurposeText(v.texts, locale).title} —{" "}
              {v.publishedAt ? t("publishedAt", { time: format.dateTime(v.publishedAt, { dateStyle: "medium" }), material: v.material ? t("materialShort") : "" }) : t("draft")}
            </li>
          ))}
        </ul>
      </section>
      {!purpose.retiredAt && (
        <>
          <section className="card" aria-labelledby="draft-heading">
            <h2 id="draft-heading">{purpose.draft ? t("editDraft", { version: purpose.draft.version }) : t("newDraft", { version: purpose.currentVersion + 1 })}</h2>
            <DraftForm purposeKey={purpose.key} texts={base!.texts} />
          </section>
          {purpose.draft && (
            <section className="card" aria-labelledby="publish-heading">
              <h2 id="publish-heading">{t("publishTitle")}</h2>
              <PublishForm purposeKey={purpose.key} version={purpose.draft.version} first={purpose.currentVersion === 0} />
            </section>
          )}
          <section className="card" aria-labelledby="retire-heading">
            <h2 id="retire-heading">{t("retireTitle")}</h2>
            <p className="muted">{t("retireIntro")}</p>
            <ActionButton action={retirePurposeAction.bind(null, purpose.key)} label={t("retire")} done={t("retiredDone")} namespace="purposesAdmin" confirm={t("retireConfirm")} danger testId="retire-purpose" />
          </section>
        </>
      )}
    </>
  );
}
