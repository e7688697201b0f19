// The back-office role matrix: every page, server action and route handler of the customer
// search and 360, duplicates, import, audit, purposes, staff and dashboard, run with the real
// guards and domain for a signed-out visitor and for CUSTOMER, SUPPORT, PRIVACY_OFFICER and ADMIN.
// Below the minimum role each is refused (403); at or above it the guard lets it through.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/enums";
import { outcomeOf, testSession, type Outcome } from "../../support/next-request";

vi.mock("@/lib/auth/auth", async () => {
  const { testSession: session } = await import("../../support/next-request");
  return { auth: async () => (session.current ? { user: session.current, expires: new Date(Date.now() + 3600_000).toISOString() } : null) };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "192.0.2.1" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async () => {
  const { fakeTranslator: translator, fakeFormatter: formatter } = await import("../../support/next-request");
  return { getTranslations: async () => translator(), getFormatter: async () => formatter, getLocale: async () => "en", getMessages: async () => ({}) };
});

const { default: AdminLayout } = await import("@/app/admin/layout");
const { default: DashboardPage } = await import("@/app/admin/page");
const { default: PersonSearchPage } = await import("@/app/admin/persons/page");
const { default: PersonPage } = await import("@/app/admin/persons/[id]/page");
const { default: CorrectPersonPage } = await import("@/app/admin/persons/[id]/correct/page");
const { openPersonAction, correctPersonAction } = await import("@/app/admin/persons/[id]/actions");
const { startSearchSessionAction } = await import("@/app/admin/persons/actions");
const { default: DuplicatesPage } = await import("@/app/admin/duplicates/page");
const { default: MergePage } = await import("@/app/admin/duplicates/merge/page");
const { compareDuplicatesAction, mergePersonsAction } = await import("@/app/admin/duplicates/actions");
const { default: AuditPage } = await import("@/app/admin/audit/page");
const { GET: exportAudit } = await import("@/app/admin/audit/export/route");
const { default: ImportPage } = await import("@/app/admin/import/page");
const { default: ImportFilePage } = await import("@/app/admin/import/[fileId]/page");
const { default: ImportJobPage } = await import("@/app/admin/import/jobs/[jobId]/page");
const { POST: beginUpload } = await import("@/app/admin/import/upload/route");
const { PUT: uploadPart } = await import("@/app/admin/import/upload/[fileId]/[index]/route");
const { POST: finishUpload } = await import("@/app/admin/import/upload/[fileId]/finish/route");
const { GET: importErrors } = await import("@/app/admin/import/jobs/[jobId]/errors/route");
const { startImportAction, cancelImportAction } = await import("@/app/admin/import/actions");
const { default: PurposesPage } = await import("@/app/admin/purposes/page");
const { default: NewPurposePage } = await import("@/app/admin/purposes/new/page");
const { default: PurposePage } = await import("@/app/admin/purposes/[key]/page");
const { createPurposeAction, saveDraftAction, publishVersionAction, retirePurposeAction } = await import("@/app/admin/purposes/actions");
const { default: StaffPage } = await import("@/app/admin/staff/page");
const { inviteStaffAction, changeStaffRoleAction, removeStaffAction } = await import("@/app/admin/staff/actions");
const { findPersonConsents } = await import("@/lib/consents/find-person-consents");
const { grantConsent } = await import("@/lib/consents/grant-consent");
const { beginImportUpload } = await import("@/lib/import/begin-import-upload");
const { appendImportChunk } = await import("@/lib/import/append-import-chunk");
const { startImportJob } = await import("@/lib/import/start-import-job");
const { storeImportFile } = await import("@/lib/import/store-import-file");
const { createPerson } = await import("../../factories/persons");
const { createPublishedPurpose, purposeTexts } = await import("../../factories/purposes");
const { createStaff } = await import("../../factories/staff");
const { setupTestDatabase } = await import("../../support/test-database");

type Entry = { name: string; minimum: Role; run: () => Promise<unknown> };

let t: Awaited<ReturnType<typeof setupTestDatabase>>;
const users = {} as Record<Role, { id: string; email: string }>;
let entries: Entry[] = [];
const roles: Role[] = ["CUSTOMER", "SUPPORT", "PRIVACY_OFFICER", "ADMIN"];

beforeAll(async () => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  t = await setupTestDatabase();
  for (const role of roles) users[role] = (await createStaff(t.database.prisma, role)).user;
  const admin = (await createStaff(t.database.prisma, "ADMIN")).actor;
  const person = await createPerson(t.database.prisma, { givenName: "Matriisi" });
  const [a, b] = [await createPerson(t.database.prisma), await createPerson(t.database.prisma)];
  const purposeKey = await createPublishedPurpose();
  const file = await storeImportFile({ actor: admin, fileName: "matrix.csv", body: [Buffer.from("email;nimi\nx@example.test;X\n")] });
  const { jobId } = await startImportJob({ actor: admin, input: { fileId: file.fileId, dryRun: true, system: "crm", mapping: { fields: { email: "email" } } } });
  const params = <P,>(value: P) => ({ params: Promise.resolve(value) });
  const search = <S,>(value: S) => ({ searchParams: Promise.resolve(value) });
  const request = (path: string, init?: RequestInit) => new Request(`http://localhost${path}`, init);
  const openUpload = async (withPart: boolean) => {
    const { fileId } = await beginImportUpload({ actor: admin, fileName: "part.csv" });
    if (withPart) await appendImportChunk({ actor: admin, fileId, index: 0, content: Buffer.from("email\nx@example.test\n") });
    return fileId;
  };
  entries = [
    { name: "layout /admin", minimum: "SUPPORT", run: () => AdminLayout({ children: null }) },
    { name: "page /admin (dashboard)", minimum: "SUPPORT", run: () => DashboardPage() },
    { name: "page /admin/persons", minimum: "SUPPORT", run: () => PersonSearchPage(search({ q: "Matriisi" })) },
    { name: "action startSearchSessionAction", minimum: "SUPPORT", run: () => startSearchSessionAction({ reasonCode: "support_call" }) },
    { name: "page /admin/persons/[id]", minimum: "SUPPORT", run: () => PersonPage({ ...params({ id: person.id }), ...search({}) }) },
    { name: "page /admin/persons/[id]/correct", minimum: "SUPPORT", run: () => CorrectPersonPage(params({ id: person.id })) },
    { name: "action openPersonAction", minimum: "SUPPORT", run: () => openPersonAction(person.id, { reasonCode: "support_call" }) },
    { name: "action correctPersonAction", minimum: "SUPPORT", run: () => correctPersonAction(person.id, { city: "Oulu", reason: "Role matrix check" } as never) },
    { name: "page /admin/duplicates", minimum: "PRIVACY_OFFICER", run: () => DuplicatesPage() },
    { name: "page /admin/duplicates/merge", minimum: "PRIVACY_OFFICER", run: () => MergePage(search({ a: a.id, b: b.id })) },
    { name: "action compareDuplicatesAction", minimum: "PRIVACY_OFFICER", run: () => compareDuplicatesAction([a.id, b.id]) },
    { name: "action mergePersonsAction", minimum: "PRIVACY_OFFICER", run: () => mergePersonsAction({ survivorId: a.id, mergedId: a.id }) },
    { name: "page /admin/audit", minimum: "PRIVACY_OFFICER", run: () => AuditPage(search({ action: "person.viewed", verify: "1" })) },
    { name: "route GET /admin/audit/export", minimum: "PRIVACY_OFFICER", run: () => exportAudit(request("/admin/audit/export?action=person.viewed")) },
    { name: "page /admin/import", minimum: "ADMIN", run: () => ImportPage() },
    { name: "page /admin/import/[fileId]", minimum: "ADMIN", run: () => ImportFilePage(params({ fileId: file.fileId })) },
    { name: "page /admin/import/jobs/[jobId]", minimum: "ADMIN", run: () => ImportJobPage(params({ jobId })) },
    { name: "route POST /admin/import/upload", minimum: "ADMIN", run: () => beginUpload(request("/admin/import/upload", { method: "POST", body: JSON.stringify({ fileName: "new.csv" }) })) },
    { name: "route PUT /admin/import/upload/[fileId]/[index]", minimum: "ADMIN", run: async () => uploadPart(request("/", { method: "PUT", body: "email\n" }), params({ fileId: await openUpload(false), index: "0" })) },
    { name: "route POST /admin/import/upload/[fileId]/finish", minimum: "ADMIN", run: async () => finishUpload(request("/", { method: "POST" }), params({ fileId: await openUpload(true) })) },
    { name: "route GET /admin/import/jobs/[jobId]/errors", minimum: "ADMIN", run: () => importErrors(request("/"), params({ jobId })) },
    { name: "action startImportAction", minimum: "ADMIN", run: () => startImportAction({ fileId: "none", dryRun: true, system: "crm", mapping: { fields: { email: "email" } } }) },
    { name: "action cancelImportAction", minimum: "ADMIN", run: () => cancelImportAction("none") },
    { name: "page /admin/purposes", minimum: "ADMIN", run: () => PurposesPage() },
    { name: "page /admin/purposes/new", minimum: "ADMIN", run: () => NewPurposePage() },
    { name: "page /admin/purposes/[key]", minimum: "ADMIN", run: () => PurposePage(params({ key: purposeKey })) },
    { name: "action createPurposeAction", minimum: "ADMIN", run: () => createPurposeAction({ key: "" }) },
    { name: "action saveDraftAction", minimum: "ADMIN", run: () => saveDraftAction({ purposeKey, texts: purposeTexts(purposeKey, 2) }) },
    { name: "action publishVersionAction", minimum: "ADMIN", run: () => publishVersionAction({ purposeKey, version: 99, material: false }) },
    { name: "action retirePurposeAction", minimum: "ADMIN", run: () => retirePurposeAction("no-such-purpose") },
    { name: "page /admin/staff", minimum: "ADMIN", run: () => StaffPage() },
    { name: "action inviteStaffAction", minimum: "ADMIN", run: () => inviteStaffAction({ email: "not-an-address", role: "SUPPORT" }) },
    { name: "action changeStaffRoleAction", minimum: "ADMIN", run: () => changeStaffRoleAction("nobody", "SUPPORT") },
    { name: "action removeStaffAction", minimum: "ADMIN", run: () => removeStaffAction("nobody") },
  ];
});
afterAll(async () => {
  testSession.current = null;
  await t.drop();
});

const signInAs = (role: Role | null) => {
  testSession.current = role ? { id: users[role].id, role, personId: null, email: users[role].email } : null;
};

describe("the back-office role matrix", () => {
  it("covers every page, action and route for a signed-out visitor and each role", async () => {
    const expected: Record<string, Outcome> = {};
    const actual: Record<string, Outcome> = {};
    for (const entry of entries) {
      signInAs(null);
      expected[`${entry.name} · signed out`] = "signin";
      actual[`${entry.name} · signed out`] = await outcomeOf(entry.run);
      for (const role of roles) {
        signInAs(role);
        const key = `${entry.name} · ${role}`;
        expected[key] = role !== "CUSTOMER" && hasRole(role, entry.minimum) ? "allowed" : "forbidden";
        actual[key] = await outcomeOf(entry.run);
      }
    }
    expect(actual).toEqual(expected);
    expect(entries.length).toBeGreaterThanOrEqual(34);
  });
});

describe("publishing a purpose version from the admin action", () => {
  it("a material version flips current grants to needing renewal; a non-material one does not", async () => {
    const key = await createPublishedPurpose();
    const person = await createPerson(t.database.prisma);
    await grantConsent({ actor: { kind: "PERSON", id: null }, personId: person.id, input: { purposeKey: key } });
    const state = async () => (await findPersonConsents({ personId: person.id, locale: "en" })).find((c) => c.purposeKey === key)!;
    signInAs("ADMIN");

    expect((await saveDraftAction({ purposeKey: key, texts: purposeTexts(key, 2) })).ok).toBe(true);
    const minor = await publishVersionAction({ purposeKey: key, version: 2, material: false });
    expect(minor).toMatchObject({ ok: true, data: { needingRenewal: 0, material: false } });
    expect(await state()).toMatchObject({ permitted: true, needsRenewal: false });

    expect((await saveDraftAction({ purposeKey: key, texts: purposeTexts(key, 3) })).ok).toBe(true);
    const major = await publishVersionAction({ purposeKey: key, version: 3, material: true });
    expect(major).toMatchObject({ ok: true, data: { needingRenewal: 1, material: true } });
    expect(await state()).toMatchObject({ status: "GRANTED", permitted: false, needsRenewal: true });

    signInAs("PRIVACY_OFFICER");
    expect(await outcomeOf(() => publishVersionAction({ purposeKey: key, version: 4, material: true }))).toBe("forbidden");
  });
});

describe("comparing two duplicates from the admin action", () => {
  it("records both looks (identity resolution) and answers ok", async () => {
    const [a, b] = [await createPerson(t.database.prisma), await createPerson(t.database.prisma)];
    signInAs("PRIVACY_OFFICER");
    expect(await compareDuplicatesAction([a.id, b.id])).toMatchObject({ ok: true });
    const looks = await t.database.prisma.auditEntry.findMany({ where: { action: "person.viewed", personId: { in: [a.id, b.id] } }, select: { personId: true, details: true } });
    expect(looks.map((look) => look.personId).sort()).toEqual([a.id, b.id].sort());
    expect(looks.every((look) => (look.details as { reasonCode?: string }).reasonCode === "identity_resolution")).toBe(true);
  });
});
