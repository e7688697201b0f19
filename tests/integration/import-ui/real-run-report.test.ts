// The report of a real run of the engine over a Finnish Excel export, as the job page and its
// CSV download show it: all or nothing by default (nothing imported, both bad lines reported),
// and with keepValidRows the valid rows, organisation, membership and duplicate candidate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportImportErrors } from "@/lib/import/export-import-errors";
import { getImportJob } from "@/lib/import/get-import-job";
import { startImportJob } from "@/lib/import/start-import-job";
import { storeImportFile } from "@/lib/import/store-import-file";
import { createPublishedPurpose } from "../../factories/purposes";
import { createStaff } from "../../factories/staff";
import { uniqueSystemKey } from "../../factories/systems";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";
import { CONSENT_COLUMN, finnishExport, refusedLines } from "./finnish-export";

let t: TestDatabase;
let admin: Awaited<ReturnType<typeof createStaff>>;
let purpose: string;
const stamp = `${Date.now()}`;
beforeAll(async () => {
  t = await setupTestDatabase();
  admin = await createStaff(t.database.prisma, "ADMIN");
  purpose = await createPublishedPurpose({ channel: "POST" });
  await t.database.prisma.person.create({ data: { email: `maija-${stamp}@example.test`, givenName: "Maija", familyName: "Meikäläinen", phone: "+358401234567" } });
});
afterAll(async () => t.drop());

const mapping = () => ({
  fields: {
    externalId: "Asiakasnumero", givenName: "Etunimi", familyName: "Sukunimi", email: "Sähköposti", phone: "Puhelin", streetAddress: "Katuosoite", postalCode: "Postinumero",
    city: "Postitoimipaikka", country: "Maa", birthDate: "Syntymäaika", organisationName: "Yritys", businessId: "Y-tunnus", organisationRole: "Titteli",
  },
  consents: { [purpose]: CONSENT_COLUMN },
  values: { country: { Lappi: "FI" } },
});

async function run(keepValidRows: boolean) {
  const { fileId } = await storeImportFile({ actor: admin.actor, fileName: "asiakkaat.csv", body: [Buffer.from(finnishExport(stamp))] });
  const { jobId } = await startImportJob({ actor: admin.actor, input: { fileId, dryRun: false, system: uniqueSystemKey("crm"), keepValidRows, mapping: mapping() } });
  await runQueue(t.database.prisma, new Date(), "test");
  return getImportJob({ actor: admin.actor, jobId });
}

describe("the report of a real run", () => {
  it("all or nothing: two refused lines keep nothing, and the report says so", async () => {
    const persons = await t.database.prisma.person.count();
    const job = await run(false);
    expect(job).toMatchObject({ outcome: "refusedNothingImported", committed: false, errorRows: 2, createdRows: 4 });
    expect(job.errors.map((e) => ({ line: e.row, column: e.column }))).toEqual(refusedLines);
    expect(await t.database.prisma.person.count()).toBe(persons);
    let csv = "";
    for await (const part of await exportImportErrors({ actor: admin.actor, jobId: job.id, locale: "fi" })) csv += part;
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Rivi,Sarake,Syy");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(refusedLines.map((r) => `${r.line},${r.column}`));
    expect(lines.every((l) => !/[a-z][A-Z]/.test(l.split(",")[2] ?? ""))).toBe(true); // sentences, not keys
  });

  it("with keepValidRows: the valid rows, the organisation, its membership and the duplicate candidate", async () => {
    const job = await run(true);
    expect(job).toMatchObject({
      status: "COMPLETED", outcome: "importedValidRows", committed: true, errorRows: 2, createdRows: 4, matchedRows: 0,
      organisationsCreated: 1, membershipsCreated: 1, duplicateCandidates: 1, consentsGranted: 2,
    });
    const lapland = await t.database.prisma.person.findFirst({ where: { email: `kaisa.lappalainen.${stamp}@example.test` }, select: { country: true } });
    expect(lapland?.country).toBe("FI");
  });
});
