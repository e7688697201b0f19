import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { DeliveryFilters, readDeliveryFilters, type DeliverySearchParams } from "./delivery-filters";
import { DeliveryLog } from "./delivery-log";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deliveries"))("personTitle") };
}

/** /admin/deliveries?personId=… — every delivery about one person (Art. 19: did each system get it?). */
export default async function PersonDeliveriesPage({ searchParams }: { searchParams: Promise<DeliverySearchParams> }) {
  const user = await requireStaff("SUPPORT");
  const t = await getTranslations("deliveries");
  const filters = readDeliveryFilters(await searchParams);
  return (
    <div className="card">
      <h1>{filters.personId ? t("personTitle") : t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <DeliveryFilters values={filters} withPerson />
      <DeliveryLog filter={filters} basePath="/admin/deliveries" canReplay={hasRole(user.role, "ADMIN")} />
    </div>
  );
}
