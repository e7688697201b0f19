// The import's report as the back-office shows it: what happened in words (all or nothing by
// default), every counter, the refused rows a page at a time in line order with no cap, and the
// CSV download with every refused row and its reason in the reader's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportImportErrors } from "@/lib/import/export-import-errors";
import { getImportJob, IMPORT_ERRORS_PER_PAGE } from "@/lib/import/get-import-job";
import { startImportJob } from "@/lib/import/start-import-job";
import { storeImportFile } from "@/lib/import/store-import-file";
import { createStaff, staffActor } from "../../factories/staff";
import { uniqueSystemKey } from "../../factories/systems";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let admin: Awaited<ReturnType<typeof createStaff>>;
let fileId: string;
beforeAll(async () => {
  t = await setupTestDatabase();
  admin = await createStaff(t.database.prisma, "ADMIN");
  ({ fileId } = await storeImportFile({ actor: admin.actor, fileName: "crm.csv", body: [Buffer.from("Sähköposti;Puhelin\r\na@example.test;040\r\n")] }));
});
afterAll(async () => t.drop());

const REFUSED = 650;
const reasons = ["emailInvalid", "postalCodeFi", "someFutureReason"];

/** A finished run with the counters and refused rows an engine run leaves behind. */
async function finishedRun(data: { dryRun: boolean; committed: boolean; status?: "COMPLETED" | "FAILED" | "CANCELLED"; failure?: string; keepValidRows?: boolean; errorRows?: number }) {
  const { jobId } = await startImportJob({ actor: admin.actor, input: { fileId, dryRun: data.dryRun, system: uniqueSystemKey(), keepValidRows: data.keepValidRows ?? false, mapping: { fields: { email: "Sähköposti" }, consents: {} } } });
  const errorRows = data.errorRows ?? REFUSED;
  await t.database.prisma.importJob.update({
    where: { id: jobId },
    data: {
      status: data.status ?? "COMPLETED", failure: data.failure ?? null, committed: data.committed, finishedAt: new Date(),
      processedRows: 1000, createdRows: 300, matchedRows: 40, errorRows, suppressedRows: 2, organisationsCreated: 5, organisationsMatched: 1,
      membershipsCreated: 6, consentsGranted: 120, consentsWithdrawn: 7, duplicateCandidates: 3,
    },
  });
  // Inserted out of order, as batches may record them: the report orders by line.
  await t.database.prisma.importRowError.createMany({
    data: Array.from({ length: errorRows }, (_, k) => ({ jobId, row: errorRows + 1 - k, column: k % 10 === 0 ? null : k % 2 ? "=HYPERLINK()" : "Sähköposti", reason: reasons[k % 3]! })),
  });
  return jobId;
}

describe("getImportJob", () => {
  it("pages every refused row in line order and reports every counter", async () => {
    const jobId = await finishedRun({ dryRun: false, committed: false, status: "FAILED", failure: "rowsRefused" });
    const first = await getImportJob({ actor: admin.actor, jobId });
    expect(first).toMatchObject({
      outcome: "refusedNothingImported", committed: false, keepValidRows: false, errorPage: 1, errorPages: Math.ceil(REFUSED / IMPORT_ERRORS_PER_PAGE),
      processedRows: 1000, createdRows: 300, matchedRows: 40, errorRows: REFUSED, suppressedRows: 2, organisationsCreated: 5, organisationsMatched: 1,
      membershipsCreated: 6, consentsGranted: 120, consentsWithdrawn: 7, duplicateCandidates: 3,
    });
    expect(first.errors.map((e) => e.row)).toEqual(Array.from({ length: IMPORT_ERRORS_PER_PAGE }, (_, k) => k + 2));
    const last = await getImportJob({ actor: admin.actor, jobId, page: 7 });
    expect(last.errors.map((e) => e.row)).toEqual(Array.from({ length: REFUSED - 6 * IMPORT_ERRORS_PER_PAGE }, (_, k) => 6 * IMPORT_ERRORS_PER_PAGE + k + 2));
    // Every refused row is on some page: no cap.
    let seen = 0;
    for (let page = 1; page <= first.errorPages; page += 1) seen += (await getImportJob({ actor: admin.actor, jobId, page })).errors.length;
    expect(seen).toBe(REFUSED);
    // A page past the end shows the last one; nonsense shows the first.
    expect((await getImportJob({ actor: admin.actor, jobId, page: 99 })).errorPage).toBe(7);
    expect((await getImportJob({ actor: admin.actor, jobId, page: Number.NaN })).errorPage).toBe(1);
  });

  it("says what happened: dry run, imported, valid rows kept, stopped", async () => {
    const outcome = async (data: Parameters<typeof finishedRun>[0]) => (await getImportJob({ actor: admin.actor, jobId: await finishedRun({ errorRows: 0, ...data }) })).outcome;
    expect(await outcome({ dryRun: true, committed: false, errorRows: 3 })).toBe("dryRun");
    expect(await outcome({ dryRun: false, committed: true })).toBe("imported");
    expect(await outcome({ dryRun: false, committed: true, keepValidRows: true, errorRows: 3 })).toBe("importedValidRows");
    expect(await outcome({ dryRun: false, committed: false, status: "FAILED", failure: "internal" })).toBe("stoppedNothingImported");
    expect(await outcome({ dryRun: false, committed: true, status: "CANCELLED", keepValidRows: true })).toBe("stoppedPartly");
    const { jobId } = await startImportJob({ actor: admin.actor, input: { fileId, dryRun: false, system: uniqueSystemKey(), mapping: { fields: { email: "Sähköposti" }, consents: {} } } });
    expect((await getImportJob({ actor: admin.actor, jobId })).outcome).toBe("running");
  });

  it("is for admins only and answers NOT_FOUND for an unknown import", async () => {
    await expect(getImportJob({ actor: staffActor("PRIVACY_OFFICER"), jobId: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getImportJob({ actor: admin.actor, jobId: "no-such-job" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

const read = async (lines: AsyncGenerator<string>) => {
  let text = "";
  for await (const part of lines) text += part;
  return text;
};

describe("exportImportErrors", () => {
  it("downloads every refused row by line with the reason in the reader's language, formulas defused", async () => {
    const jobId = await finishedRun({ dryRun: false, committed: false });
    const fi = (await read(await exportImportErrors({ actor: admin.actor, jobId, locale: "fi" }))).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(fi[0]).toBe("Rivi,Sarake,Syy");
    expect(fi).toHaveLength(REFUSED + 1);
    expect(fi.slice(1).map((line) => Number(line.split(",")[0]))).toEqual(Array.from({ length: REFUSED }, (_, k) => k + 2));
    // Row 2 is the last inserted (k = 649): column "=HYPERLINK()" defused, reason postalCodeFi in Finnish.
    expect(fi[1]).toBe("2,'=HYPERLINK(),Suomalaisessa postinumerossa on viisi numeroa.");
    expect(fi).toContain(`${REFUSED + 1},,Ei sähköpostiosoite.`);
    // A reason the messages do not know is still a sentence, never a key.
    expect(fi.some((line) => line.includes("someFutureReason"))).toBe(false);
    expect(fi.filter((line) => line.endsWith(",Hylätty."))).toHaveLength(216); // k % 3 === 2 for k < 650
    const en = (await read(await exportImportErrors({ actor: admin.actor, jobId, locale: "en" }))).split("\r\n");
    expect(en[0]).toBe("\uFEFFLine,Column,Reason");
    expect(en).toContain(`${REFUSED + 1},,Not an email address.`);
  });

  it("is for admins only", async () => {
    await expect(exportImportErrors({ actor: staffActor("SUPPORT"), jobId: "x", locale: "fi" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportImportErrors({ actor: admin.actor, jobId: "no-such-job", locale: "fi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
