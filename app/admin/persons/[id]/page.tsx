import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import type { Locale } from "@/lib/i18n/locales";
import { getPerson360 } from "@/lib/persons/get-person-360";
import { getRecentPersonView } from "@/lib/persons/get-recent-person-view";
import { resolvePersonId } from "@/lib/persons/resolve-person-id";
import { ActivitySection, ConsentSection, DeliverySection, InteractionSection, ProfileSection, RequestSection } from "./sections";
import { ManualTaskSection } from "./manual-task-section";
import { ReasonForm } from "./reason-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("person360"))("title") };
}

/**
 * The customer 360. Asks for the reason first (recorded as person.viewed, shown to the person);
 * a merged id goes to the survivor. SUPPORT and up.
 */
export default async function PersonPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const user = await requireStaff("SUPPORT");
  const { id } = await params;
  const current = await resolvePersonId(id);
  if (!current) notFound();
  if (current !== id) redirect(`/admin/persons/${current}`);
  const t = await getTranslations("person360");

  if (!(await getRecentPersonView({ userId: user.userId, personId: id }))) {
    return (
      <div className="card narrow-wide">
        <h1>{t("reasonTitle")}</h1>
        <p className="muted">{t("reasonIntro")}</p>
        <ReasonForm personId={id} />
      </div>
    );
  }

  const actor = await actorFor(user, "STAFF");
  const record = await getPerson360({ actor, personId: id, locale: (await getLocale()) as Locale, interactionsPage: Number((await searchParams).page ?? 1) });
  const format = await getFormatter();
  const f = record.profile.fields;
  const name = [f.givenName, f.familyName].filter(Boolean).join(" ") || t("noName");
  return (
    <>
      <h1 data-testid="person-name">{name}</h1>
      <p className="notice" role="status" data-testid="view-reason">
        {t("viewedBecause", { time: format.dateTime(record.view.at, { timeStyle: "short" }), reason: record.view.reason })}
      </p>
      <p className="actions">
        {!record.status.erasedAt && (
          <Link className="button" href={`/admin/persons/${id}/correct`}>
            {t("correct")}
          </Link>
        )}
        {hasRole(user.role, "PRIVACY_OFFICER") && <Link href={`/admin/audit?personId=${id}`}>{t("auditLink")}</Link>}
      </p>
      <ProfileSection record={record} />
      <ConsentSection record={record} />
      <InteractionSection record={record} />
      <RequestSection record={record} canOpen={hasRole(user.role, "PRIVACY_OFFICER")} />
      <DeliverySection record={record} />
      <ManualTaskSection actor={actor} personId={id} canOpen={hasRole(user.role, "PRIVACY_OFFICER")} />
      <ActivitySection record={record} />
    </>
  );
}
