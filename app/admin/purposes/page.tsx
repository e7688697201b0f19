import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { findPurposesForAdmin } from "@/lib/consents/find-purposes-for-admin";
import { localizePurposeText } from "@/lib/consents/localize-purpose-text";
import type { Locale } from "@/lib/i18n/locales";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("purposesAdmin"))("title") };
}

/** Every purpose with its versions, drafts and grants. ADMIN only. */
export default async function PurposesPage() {
  const user = await requireStaff("ADMIN");
  const purposes = await findPurposesForAdmin({ actor: await actorFor(user, "STAFF") });
  const t = await getTranslations("purposesAdmin");
  const locale = (await getLocale()) as Locale;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="actions">
        <Link className="button" href="/admin/purposes/new">
          {t("newTitle")}
        </Link>
      </p>
      <TableScroll label={t("title")}>
        <table data-testid="purposes">
          <thead>
            <tr>
              <th scope="col">{t("purpose")}</th>
              <th scope="col">{t("channel")}</th>
              <th scope="col">{t("version")}</th>
              <th scope="col">{t("grants")}</th>
            </tr>
          </thead>
          <tbody>
            {purposes.map((p) => {
              const shown = p.versions.find((v) => v.version === p.currentVersion) ?? p.versions[0];
              return (
                <tr key={p.key} data-purpose={p.key}>
                  <td>
                    <Link href={`/admin/purposes/${p.key}`}>{shown ? localizePurposeText(shown.texts, locale).title : p.key}</Link> <code>{p.key}</code>
                    {p.retiredAt && <span className="badge">{t("retired")}</span>}
                  </td>
                  <td>
                    {t(`channels.${p.channel}`)}, {t(`legalBases.${p.legalBasis}`)}
                  </td>
                  <td>
                    {p.currentVersion === 0 ? t("unpublished") : `v${p.currentVersion}`}
                    {p.draft && <span className="badge badge-soon">{t("draftBadge", { version: p.draft.version })}</span>}
                  </td>
                  <td>
                    {p.grants}
                    {p.grantsNeedingRenewal > 0 && <span className="badge badge-soon">{t("needingRenewal", { count: p.grantsNeedingRenewal })}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
