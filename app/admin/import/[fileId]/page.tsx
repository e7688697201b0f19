import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { getImportFile } from "@/lib/import/get-import-file";
import { guessMapping } from "@/lib/import/guess-mapping";
import { importMappingSchema } from "@/lib/import/schemas";
import { MappingForm } from "./mapping-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importer"))("mappingTitle") };
}

/** The uploaded file's column mapping; the last run's mapping is offered again. ADMIN only. */
export default async function ImportFilePage({ params }: { params: Promise<{ fileId: string }> }) {
  const user = await requireStaff("ADMIN");
  const { fileId } = await params;
  const file = await getImportFile({ actor: await actorFor(user, "STAFF"), fileId }).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("importer");
  const last = file.jobs[0];
  const previous = last ? importMappingSchema.safeParse(last.mapping) : null;
  const initial = previous?.success ? { system: last!.system, mapping: previous.data } : { system: file.systems[0]?.key ?? "crm", mapping: { fields: guessMapping(file.columns), consents: {} } };
  return (
    <>
      <h1>{t("mappingTitle")}</h1>
      <p className="muted">{t("mappingIntro", { file: file.fileName, columns: file.columns.length })}</p>
      {file.jobs.length > 0 && (
        <ul className="card">
          {file.jobs.map((j) => (
            <li key={j.id}>
              <Link href={`/admin/import/jobs/${j.id}`}>{j.dryRun ? t("dryRun") : t("realRun")}</Link>: {t(`statuses.${j.status}`)} — {t("rowsSummary", { rows: j.processedRows, errors: j.errorRows })}
            </li>
          ))}
        </ul>
      )}
      <div className="card">
        <MappingForm fileId={file.id} columns={file.columns} purposeKeys={file.purposeKeys} systems={file.systems} initial={initial} />
      </div>
    </>
  );
}
