// The Imports API end to end with real API keys: a HubSpot-style export POSTed as multipart with a
// mapping, run by the worker's own pass, its status with exact counts and its refused rows as CSV;
// a dry run that counts what the real run then does; all or nothing by default; another system's
// key sees nothing; bad input is refused with the problem named and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importStatusSchema } from "@/lib/api/import-schemas";
import { readFormBody } from "@/lib/api/read-form-body";
import { overrideConfig } from "@/lib/config";
import { createPurpose } from "@/lib/consents/create-purpose";
import { translatorFor } from "@/lib/i18n/messages";
import { businessIdCheckDigit } from "@/lib/organizations/business-id";
import { createPerson } from "../../factories/persons";
import { adminActor, createPublishedPurpose, purposeTexts, uniquePurposeKey } from "../../factories/purposes";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { rowCounter } from "../../support/row-counter";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let crm: Awaited<ReturnType<typeof createSystem>>;
let key: string;
let otherKey: string;
let newsletter: string;
let seq = 0;

const HEADER = ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Street Address", "Postal Code", "City", "Country/Region", "Company name", "Business ID", "Job Title", "Create Date", "Newsletter", "Notes"];
/** The columns a guess cannot know; the others (names, email, phone, address) are left to the guess. */
const mapping = () => ({
  "Record ID": "externalId", "Country/Region": "country", "Company name": "organisationName", "Business ID": "businessId",
  "Job Title": "organisationRole", "Create Date": "createdAt", Newsletter: `consent:${newsletter}`, Notes: "ignore",
});
const businessId = () => {
  for (;;) {
    const body = String(1_000_000 + Math.floor(Math.random() * 8_999_999));
    const check = businessIdCheckDigit(body);
    if (check !== null) return `${body}-${check}`;
  }
};
const quoted = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(",");

/**
 * Existing persons and an organisation, and a HubSpot export of 8 rows against them: 3 new persons
 * (one sharing a stranger's phone), 2 matches (email padded and upper-case; this system's id
 * without an email), 3 refused rows (lines 5, 6, 9).
 */
async function scenario() {
  const s = `${Date.now()}${(seq += 1)}`;
  const prisma = t.database.prisma;
  const maija = await createPerson(prisma, { email: `maija-${s}@example.test` });
  expect((await api("POST", "/api/v1/consents", { key: await createKey(crm.id, ["consents:write"]), body: { person: { id: maija.id }, purposeKey: newsletter, status: "GRANTED", evidence: { collectedAt: new Date().toISOString(), method: "web_form" } } })).status).toBeLessThan(300);
  const byId = await createPerson(prisma, {}, [{ system: crm.key, externalId: `HS-${s}-8` }]);
  const phone = `+35840${String(s).slice(-7)}`;
  const stranger = await prisma.person.update({ where: { id: (await createPerson(prisma)).id }, data: { phone } });
  const acme = businessId();
  const old = await prisma.organization.create({ data: { name: `Vanha ${s} Oy`, businessId: businessId() } });
  const email = (label: string) => `${label}-${s}@example.test`;
  // Names and phones differ per scenario, so one file's persons are not another's duplicate candidates.
  const [ainoName, pekkaName] = [["Virtanen", "Puro"], ["Korhonen", "Lahti"], ["Nieminen", "Koski"], ["Mäkinen", "Järvi"]][seq % 4]!;
  const rows = [
    [`HS-${s}-2`, "Aino", ainoName!, email("aino"), `+358 50 ${s.slice(-7)}`, "Mannerheimintie 1", "00100", "Helsinki", "Finland", `Acme ${s} Oy`, acme, "CEO", "2024-03-15 10:22", "Yes", "=HYPERLINK(\"x\")"],
    [`HS-${s}-3`, "Maija", "Meikäläinen", `  ${email("maija").toUpperCase()} `, "", "", "", "", "FI", "", "", "", "2023-01-02", "No", ""],
    [`HS-${s}-4`, "Pekka", pekkaName!, email("pekka"), "", "Testikatu 2", "02100", "Espoo", "Suomi", old.name, old.businessId, "Buyer", "", "yes", ""],
    [`HS-${s}-5`, "Bad", "Email", "not-an-email", "", "", "", "", "FI", "", "", "", "", "Yes", ""],
    [`HS-${s}-6`, "Short", "Postal", email("short"), "", "Katu 3", "0010", "Helsinki", "FI", "", "", "", "", "", ""],
    [`HS-${s}-7`, "Liisa", "Laine", email("liisa"), `0${phone.slice(4, 6)} ${phone.slice(6)}`, "", "", "", "FI", "", "", "", "", "", ""],
    [`HS-${s}-8`, "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    [`HS-${s}-9`, "Date", "Wrong", email("date"), "", "", "", "", "FI", "", "", "", "31.02.2024", "", ""],
  ];
  const csv = `\uFEFF${[quoted(HEADER), ...rows.map(quoted)].join("\r\n")}\r\n`;
  return { s, csv, email, maija, byId, stranger, acme, old };
}

const form = (csv: string, fields: Record<string, string> = {}, name = "hubspot-contacts.csv") => {
  const body = new FormData();
  body.append("file", new File([csv], name, { type: "text/csv" }));
  for (const [field, value] of Object.entries(fields)) body.append(field, value);
  return body;
};
const post = (body: FormData, withKey = key, headers: Record<string, string> = {}) => api("POST", "/api/v1/imports", { key: withKey, body, headers });
const status = (id: string, withKey = key) => api("GET", `/api/v1/imports/${id}`, { key: withKey });
/** Runs the queue until nothing is due: each import's pass was queued when the API started it. */
async function runWorker() {
  await runQueue(t.database.prisma, new Date(), "api-test-worker");
}
const expectedCounts = {
  rows: 8, created: 3, matched: 2, refused: 3, suppressed: 0,
  organisations: { created: 1, matched: 1 }, memberships: 2, consents: { granted: 2, withdrawn: 1 }, duplicateCandidates: 1,
};
const reason = (code: string) => (translatorFor("en", "importer") as unknown as (k: string) => string)(`reasons.${code}`);

beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  crm = await createSystem();
  key = await createKey(crm.id, ["imports:write"]);
  otherKey = await createKey((await createSystem()).id, ["imports:write"]);
  newsletter = await createPublishedPurpose();
});
afterAll(async () => t.drop());

describe("Imports API", () => {
  it("imports a HubSpot export with a mapping: status with exact counts, refused rows as CSV, the mapping kept for next time", async () => {
    const sc = await scenario();
    const queued = await post(form(sc.csv, { mapping: JSON.stringify(mapping()), keepValidRows: "true" }));
    expect(queued.status).toBe(202);
    expect(queued.headers.get("location")).toBe(`/api/v1/imports/${queued.body.id}`);
    const before = await status(queued.body.id);
    expect(before.body).toMatchObject({ id: queued.body.id, status: "queued", dryRun: false, keepValidRows: true, source: crm.key, rows: 0 });
    expect(before.body.mapping).toEqual({
      ...mapping(), "First Name": "givenName", "Last Name": "familyName", Email: "email", "Phone Number": "phone",
      "Street Address": "streetAddress", "Postal Code": "postalCode", City: "city",
    });

    await runWorker();
    const done = await status(queued.body.id);
    expect(done.body).toMatchObject({ status: "completed", committed: true, failure: null, ...expectedCounts });
    // The answer is exactly what the OpenAPI document promises.
    expect(importStatusSchema.strict().safeParse(done.body).error).toBeUndefined();

    const refused = await api("GET", `/api/v1/imports/${queued.body.id}/refused`, { key });
    expect(refused.status).toBe(200);
    expect(refused.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(refused.body).toBe(`line,column,reason\r\n5,Email,${reason("emailInvalid")}\r\n6,Postal Code,${reason("postalCodeFi")}\r\n9,Create Date,${reason("dateNotReal")}\r\n`);
    expect(reason("emailInvalid")).toMatch(/^[A-Z].* .*\.$/);

    const prisma = t.database.prisma;
    const aino = await prisma.person.findUniqueOrThrow({ where: { email: sc.email("aino") }, include: { memberships: { include: { organization: true } }, externalIds: true } });
    expect(aino).toMatchObject({ givenName: "Aino", postalCode: "00100", country: "FI" });
    expect(aino.memberships).toMatchObject([{ role: "CEO", organization: { businessId: sc.acme } }]);
    expect(aino.externalIds.map((e) => [e.system, e.externalId])).toEqual([[crm.key, `HS-${sc.s}-2`]]);
    const liisa = await prisma.person.findUniqueOrThrow({ where: { email: sc.email("liisa") } });
    expect(liisa.id).not.toBe(sc.stranger.id);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: sc.stranger.id } })).email).not.toBe(sc.email("liisa"));
    expect(await prisma.duplicateCandidate.findMany({ where: { personId: liisa.id }, select: { otherPersonId: true, reasons: true, line: true } })).toEqual([{ otherPersonId: sc.stranger.id, reasons: ["phone"], line: 7 }]);
    expect(await prisma.membership.count({ where: { organizationId: sc.old.id } })).toBe(1);
    expect((await prisma.consentState.findFirstOrThrow({ where: { personId: sc.maija.id, purpose: { key: newsletter } } })).status).toBe("WITHDRAWN");
    expect(await prisma.person.count({ where: { email: { in: [sc.email("short"), sc.email("date")] } } })).toBe(0);

    const preset = await prisma.importMappingPreset.findUniqueOrThrow({ where: { system: crm.key } });
    expect(preset.mapping).toMatchObject({ fields: { externalId: "Record ID", email: "Email", businessId: "Business ID" }, consents: { [newsletter]: "Newsletter" } });
    const job = await prisma.importJob.findUniqueOrThrow({ where: { id: queued.body.id } });
    expect(job).toMatchObject({ requestedBySystemId: crm.id, createdById: null, system: crm.key });
    const queuedEntry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "import.queued", target: `ImportJob:${job.id}` } });
    expect(queuedEntry).toMatchObject({ actorKind: "SYSTEM", actorId: crm.id });
  });

  it("a dry run writes nothing and counts exactly what the real run then does", async () => {
    const sc = await scenario();
    const prisma = t.database.prisma;
    const persons = await prisma.person.count();
    const dry = await post(form(sc.csv, { mapping: JSON.stringify(mapping()), dryRun: "true", keepValidRows: "true" }));
    expect(dry.status).toBe(202);
    await runWorker();
    const dryStatus = (await status(dry.body.id)).body;
    expect(dryStatus).toMatchObject({ status: "completed", dryRun: true, committed: false, ...expectedCounts });
    expect(await prisma.person.count()).toBe(persons);
    expect(await prisma.organization.count({ where: { businessId: sc.acme } })).toBe(0);

    const real = await post(form(sc.csv, { mapping: JSON.stringify(mapping()), keepValidRows: "true" }));
    await runWorker();
    const realStatus = (await status(real.body.id)).body;
    const counts = (v: typeof realStatus) => Object.fromEntries(Object.keys(expectedCounts).map((k) => [k, v[k]]));
    expect(counts(realStatus)).toEqual(counts(dryStatus));
    expect(realStatus).toMatchObject({ status: "completed", committed: true });
    expect(await prisma.person.count()).toBe(persons + 3);
  });

  it("all or nothing by default: a refused row fails the import and keeps nothing", async () => {
    const sc = await scenario();
    const prisma = t.database.prisma;
    const queued = await post(form(sc.csv, { mapping: JSON.stringify(mapping()) }));
    await runWorker();
    const done = (await status(queued.body.id)).body;
    expect(done).toMatchObject({ status: "failed", failure: "rowsRefused", keepValidRows: false, committed: false, refused: 3 });
    expect(await prisma.person.count({ where: { email: { in: [sc.email("aino"), sc.email("pekka"), sc.email("liisa")] } } })).toBe(0);
    expect(await prisma.organization.count({ where: { businessId: sc.acme } })).toBe(0);
    expect(await prisma.membership.count({ where: { organizationId: sc.old.id } })).toBe(0);
    expect((await prisma.consentState.findFirstOrThrow({ where: { personId: sc.maija.id, purpose: { key: newsletter } } })).status).toBe("GRANTED");
    const refused = await api("GET", `/api/v1/imports/${queued.body.id}/refused`, { key });
    expect(refused.body.split("\r\n").slice(1, -1).map((l: string) => l.split(",")[0])).toEqual(["5", "6", "9"]);
  });

  it("shows an import only to the system that queued it, and takes another connected system as source", async () => {
    const other = await createSystem();
    const queued = await post(form("email,Lempiväri\r\nsource@example.test,X\r\n", { source: other.key, dryRun: "true" }));
    expect(queued.status).toBe(202);
    expect((await status(queued.body.id)).body).toMatchObject({ source: other.key, mapping: { email: "email", Lempiväri: "ignore" } });
    for (const path of [`/api/v1/imports/${queued.body.id}`, `/api/v1/imports/${queued.body.id}/refused`, "/api/v1/imports/no-such-import"]) {
      const response = await api("GET", path, { key: path.includes("no-such") ? key : otherKey });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    // Columns left out of the mapping keep their guess: a Finnish Excel header, a purpose by its title.
    const offers = await createPublishedPurpose({ texts: { ...purposeTexts("x"), fi: { title: "Tarjoukset sähköpostiin", description: "Kuvaus" } } });
    const guessed = await post(form("Asiakasnumero;Sähköposti;Tarjoukset sähköpostiin;Lisätieto\r\n1;a@example.test;kyllä;\r\n", { dryRun: "true", mapping: JSON.stringify({ Lisätieto: "ignore" }) }));
    expect((await status(guessed.body.id)).body.mapping).toEqual({ Asiakasnumero: "externalId", Sähköposti: "email", "Tarjoukset sähköpostiin": `consent:${offers}`, Lisätieto: "ignore" });

    // An older Excel export in windows-1252: its header is read as the storage reads it.
    const latin = new FormData();
    latin.append("file", new File([Buffer.from("Sähköposti;Yhtiö\r\nä@example.test;Öljy Oy\r\n", "latin1")], "vanha.csv"));
    latin.append("mapping", JSON.stringify({ Sähköposti: "email", Yhtiö: "organisationName" }));
    latin.append("dryRun", "true");
    const oldExcel = await post(latin);
    expect(oldExcel.status).toBe(202);
    expect((await status(oldExcel.body.id)).body.mapping).toEqual({ Sähköposti: "email", Yhtiö: "organisationName" });

    const readOnly = await createKey(crm.id, ["persons:read"]);
    const forbidden = await post(form("email\r\nx@example.test\r\n"), readOnly);
    expect(forbidden).toMatchObject({ status: 403, body: { missingScopes: ["imports:write"] } });
    expect((await status(queued.body.id, readOnly)).status).toBe(403);
  });

  it("replays an Idempotency-Key for the same file and refuses it with another file", async () => {
    const headers = { "idempotency-key": `imp-${Date.now()}` };
    const first = await post(form("email\r\nidem@example.test\r\n", { dryRun: "true" }), key, headers);
    const again = await post(form("email\r\nidem@example.test\r\n", { dryRun: "true" }), key, headers);
    expect(again).toMatchObject({ status: 202, body: { id: first.body.id } });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await post(form("email\r\nother@example.test\r\n", { dryRun: "true" }), key, headers)).status).toBe(422);
  });

  it("refuses bad input with the problem named, and stores nothing", async () => {
    const unpublished = uniquePurposeKey();
    await createPurpose({ actor: adminActor, input: { key: unpublished, channel: "EMAIL", legalBasis: "CONSENT", texts: purposeTexts(unpublished) } });
    const csv = "Email,Name,Newsletter\r\na@example.test,A,yes\r\n";
    const noFile = new FormData();
    noFile.append("mapping", "{}");
    const cases: [string, FormData | string, number, { path: string; message: string }][] = [
      ["no file", noFile, 400, { path: "file", message: "fileRequired" }],
      ["not a CSV name", form(csv, {}, "contacts.xlsx"), 422, { path: "file", message: "notCsv" }],
      ["not CSV content", form("PK\u0003\u0004\u0000\u0000binary", {}, "contacts.csv"), 422, { path: "file", message: "headerInvalid" }],
      ["mapping not JSON", form(csv, { mapping: "{Email: email" }), 400, { path: "mapping", message: "notJson" }],
      ["mapping not an object", form(csv, { mapping: "[]" }), 400, { path: "mapping", message: "notAnObject" }],
      ["unknown field", form(csv, { mapping: JSON.stringify({ Email: "e-mail" }) }), 400, { path: "mapping.Email", message: "unknownTarget" }],
      ["mapped column not in the file", form(csv, { mapping: JSON.stringify({ Sähköposti: "email" }) }), 422, { path: "mapping.Sähköposti", message: "columnMissing" }],
      ["two columns for one field", form(csv, { mapping: JSON.stringify({ Email: "email", Name: "email" }) }), 422, { path: "mapping.Name", message: "duplicateTarget" }],
      ["unknown source", form(csv, { source: "no-such-system" }), 422, { path: "source", message: "unknownSource" }],
      ["purpose that takes no consents", form(csv, { mapping: JSON.stringify({ Newsletter: `consent:${unpublished}` }) }), 422, { path: "mapping.Newsletter", message: "purposeUnavailable" }],
      ["no email or externalId mapped", form(csv, { mapping: JSON.stringify({ Email: "ignore" }) }), 422, { path: "mapping", message: "identifierRequired" }],
      ["dryRun not true/false", form(csv, { dryRun: "yes" }), 400, { path: "dryRun", message: "trueOrFalse" }],
      ["an unknown part", form(csv, { dry_run: "true" }), 400, { path: "(body)", message: expect.any(String) }],
      ["not multipart", JSON.stringify({ file: csv }), 400, { path: "(body)", message: "multipartRequired" }],
    ];
    const stored = await rowCounter(t.database);
    const start = await stored();
    for (const [name, body, expected, problem] of cases) {
      const response = await post(body as FormData);
      expect(response.status, name).toBe(expected);
      expect(response.headers.get("content-type"), name).toBe("application/problem+json");
      expect(response.body.errors, name).toContainEqual(problem);
      expect(response.body.detail, name).toEqual(expect.any(String));
    }
    const tooLarge = await api("POST", "/api/v1/imports", { key, body: form(csv), headers: { "content-length": String(300 * 1024 * 1024) } });
    expect(tooLarge).toMatchObject({ status: 422, body: { errors: [{ path: "file", message: "fileTooLarge" }] } });
    expect(await stored()).toEqual(start);

    // A body sent without a length is cut off at the limit, never read whole.
    const chunked = new Request("http://localhost/api/v1/imports", { method: "POST", body: form("email\r\n" + "x@example.test\r\n".repeat(2000)) });
    await expect(readFormBody(chunked, 16 * 1024)).rejects.toMatchObject({ code: "VALIDATION", options: { fields: { file: "fileTooLarge" } } });
  });
});
