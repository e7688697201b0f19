// A NUL byte in a query string or path segment, or a page number past any integer, answers
// "not found", "check the input" or the first page: it never reaches the database as a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDeliveryFilters } from "@/app/admin/deliveries/delivery-filters";
import { findAuditEntries } from "@/lib/audit/find-audit-entries";
import { findPersonActivity } from "@/lib/audit/find-person-activity";
import { getConsentReceipt } from "@/lib/consents/get-consent-receipt";
import { findDataRequests } from "@/lib/requests/find-data-requests";
import { getDataExportDownload } from "@/lib/requests/get-data-export-download";
import { searchPersons } from "@/lib/search/search-persons";
import { parsePageNumber } from "@/lib/parse-search-params";
import { createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson, createOfficer } from "../../factories/requests";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const outcome = (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

describe("NUL bytes and huge page numbers from URLs", () => {
  it("answers not found for a NUL in an export or receipt id", async () => {
    const a = await createFullPerson(t.database.prisma, await createPublishedPurpose(), "nul");
    expect(await outcome(getDataExportDownload({ actor: a.actor, personId: a.person.id, exportId: "abc\u0000def" }))).toBe("NOT_FOUND");
    expect(await outcome(getConsentReceipt(a.person.id, "abc\u0000def"))).toBe("NOT_FOUND");
  });

  it("answers a validation message for a NUL in search text and audit filters", async () => {
    const admin = await createOfficer(t.database.prisma, "ADMIN");
    expect(await outcome(searchPersons({ actor: admin.actor, input: { q: "\u0000abc" } }))).toBe("VALIDATION");
    expect(await outcome(findAuditEntries({ actor: admin.actor, filter: { personId: "\u0000" } }))).toBe("VALIDATION");
    expect(await outcome(findAuditEntries({ actor: admin.actor, filter: { actor: "a\u0000" } }))).toBe("VALIDATION");
    expect(readDeliveryFilters({ personId: "\u0000", eventType: "x\u0000", cursor: "\u0000" })).toMatchObject({ personId: undefined, eventType: undefined, cursor: undefined });
  });

  it("shows the first page for a page number out of range", async () => {
    const prisma = t.database.prisma;
    const officer = await createOfficer(prisma);
    const a = await createFullPerson(prisma, await createPublishedPurpose(), "page");
    for (const page of ["99999999999999999999", "-3", "1e3", "abc", ""]) expect(parsePageNumber(page)).toBe(1);
    expect(parsePageNumber("7")).toBe(7);
    const queue = await findDataRequests({ actor: officer.actor, filter: { page: "99999999999999999999" as unknown as number } });
    expect(queue.page).toBe(1);
    expect((await findPersonActivity(a.person.id, Number("99999999999999999999"))).page).toBe(1);
  });
});
