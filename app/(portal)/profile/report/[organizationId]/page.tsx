import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePerson } from "@/lib/auth/guards";
import { getProfile } from "@/lib/persons/get-profile";
import { ReportForm } from "./report-form";

export default async function ReportOrganisationPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const user = await requirePerson();
  const { organizationId } = await params;
  // Only organisations the person acts for; any other id is simply not found.
  const organisation = (await getProfile(user.personId))?.organisations.find((o) => o.id === organizationId);
  if (!organisation) notFound();
  const t = await getTranslations("orgReport");
  return (
    <div className="card narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro", { organisation: `${organisation.name} (${organisation.businessId})` })}</p>
      <ReportForm organizationId={organisation.id} />
    </div>
  );
}
