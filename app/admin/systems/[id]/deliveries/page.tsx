import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { getConnectedSystem } from "@/lib/propagation/get-connected-system";
import { DeliveryFilters, readDeliveryFilters, type DeliverySearchParams } from "../../../deliveries/delivery-filters";
import { DeliveryLog } from "../../../deliveries/delivery-log";
import { ReplayFailedButton } from "../../../deliveries/replay-buttons";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deliveries"))("title") };
}

export default async function SystemDeliveriesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<DeliverySearchParams> }) {
  const user = await requireStaff("SUPPORT");
  const { id } = await params;
  const system = await getConnectedSystem(id);
  if (!system) notFound();
  const t = await getTranslations("deliveries");
  const filters = readDeliveryFilters(await searchParams);
  const isAdmin = hasRole(user.role, "ADMIN");
  return (
    <div className="card">
      <h1>{t("systemTitle", { name: system.name })}</h1>
      <p className="muted">{t("intro")}</p>
      {isAdmin && (
        <p>
          <Link href={`/admin/systems/${system.id}`}>{system.name}</Link>
        </p>
      )}
      <DeliveryFilters values={filters} withPerson />
      {isAdmin && <ReplayFailedButton systemId={system.id} />}
      <DeliveryLog filter={{ ...filters, systemId: system.id }} basePath={`/admin/systems/${system.id}/deliveries`} canReplay={isAdmin} />
    </div>
  );
}
