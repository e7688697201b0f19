import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { requirePerson, signedInRecently } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { findPersonRequests } from "@/lib/requests/find-person-requests";
import { CancelErasureButton, ErasureForm } from "./erasure-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("erasure"))("title") };
}

export default async function DeleteMyDataPage({ searchParams }: { searchParams: Promise<{ cancelled?: string }> }) {
  const user = await requirePerson();
  const { cancelled } = await searchParams;
  const t = await getTranslations("erasure");
  const format = await getFormatter();
  const days = getConfig().ERASURE_GRACE_DAYS;
  const scheduled = (await findPersonRequests(user.personId)).find((r) => r.type === "ERASURE" && (r.status === "RECEIVED" || r.status === "VERIFYING"));
  return (
    <div className="card">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {cancelled && !scheduled && (
        <p role="status" className="notice">
          {t("cancelled")}
        </p>
      )}
      {scheduled ? (
        <section aria-labelledby="scheduled-title" data-testid="erasure-scheduled">
          <h2 id="scheduled-title">{t("scheduledTitle")}</h2>
          <p>{t("scheduled", { date: scheduled.scheduledFor ? format.dateTime(scheduled.scheduledFor, { dateStyle: "long", timeStyle: "short" }) : "—" })}</p>
          <CancelErasureButton requestId={scheduled.id} />
        </section>
      ) : (
        <>
          <h2>{t("whatHappensTitle")}</h2>
          <ul>
            <li>{t("happens.wait", { days })}</li>
            <li>{t("happens.erase")}</li>
            <li>{t("happens.systems")}</li>
            <li>{t("happens.lastEmail")}</li>
          </ul>
          <h2>{t("keptTitle")}</h2>
          <ul>
            <li>{t("keeps.suppression")}</li>
            <li>{t("keeps.audit")}</li>
            <li>{t("keeps.law")}</li>
          </ul>
          <h2>{t("alternativesTitle")}</h2>
          <p>{t("alternatives")}</p>
          <ul>
            <li>
              <Link href="/consents">{t("alternativeLinks.consents")}</Link>
            </li>
            <li>
              <Link href="/data">{t("alternativeLinks.data")}</Link>
            </li>
          </ul>
          <ErasureForm needsReauth={!signedInRecently(user)} />
        </>
      )}
    </div>
  );
}
