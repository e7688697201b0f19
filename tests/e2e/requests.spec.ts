import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { BASE_URL } from "./support/env";
import { emailsTo, linkIn, type CapturedEmail } from "./support/mail";
import { signInAs, testHook } from "./support/session";

// Data-subject requests end to end: "Download my data", "Delete my data" with its cooling-off
// period, acknowledging systems, and the privacy officer's queue. Every test that changes data
// works on fresh persons.

const OFFICER = "sanna.privacy@example.com";
const SUPPORT = "pekka.support@example.com";
const axeTags = ["wcag2a", "wcag2aa", "wcag22aa"];

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;

async function freshPerson(browser: Browser, label: string) {
  const email = unique(label);
  const context = await browser.newContext();
  const { userId } = await signInAs(context, email);
  const { personId } = (await testHook({ action: "person-id", email })) as { personId: string };
  return { email, personId, userId, context, page: await context.newPage() };
}

async function staff(browser: Browser, email: string) {
  const context = await browser.newContext();
  await signInAs(context, email);
  return { context, page: await context.newPage() };
}

/** Waits for an email to the address whose subject matches. */
async function waitForEmailWith(address: string, subject: string | RegExp): Promise<CapturedEmail> {
  let found: CapturedEmail | undefined;
  await expect
    .poll(async () => {
      found = (await emailsTo(address)).find((m) => (typeof subject === "string" ? m.subject === subject : subject.test(m.subject)));
      return Boolean(found);
    }, { timeout: 20_000 })
    .toBe(true);
  return found!;
}

async function saveProfile(page: Page, values: Record<string, string>) {
  await page.goto("/profile/edit");
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page).toHaveURL(/\/profile\?saved=1$/);
}

const profileRow = (page: Page, field: string) => page.locator(`[data-field="${field}"] .value`);
const purposeSwitch = (page: Page, key: string) => page.locator(`button[role="switch"][data-purpose="${key}"]`);
const consentStatus = (page: Page, key: string) => page.locator(`[data-purpose-row="${key}"] [data-testid="consent-status"]`);
const requestItem = (page: Page, type: string) => page.getByTestId("requests").locator(`li[data-request-type="${type}"]`);

async function requestErasure(page: Page) {
  await page.goto("/data/delete");
  await page.getByLabel("Ymmärrän, että tietoni poistetaan eikä sitä voi perua.").check();
  await page.getByRole("button", { name: "Poista tietoni" }).click();
  await expect(page.getByTestId("erasure-scheduled")).toBeVisible();
  await expect(page.getByTestId("erasure-scheduled")).toContainText("Tietosi poistetaan");
}

/** The id of the person's open erasure request, from "My requests". */
async function openErasureId(page: Page) {
  await page.goto("/requests");
  const item = requestItem(page, "ERASURE").and(page.locator('[data-request-status="RECEIVED"]'));
  await expect(item).toHaveCount(1);
  return (await item.getAttribute("data-request-id"))!;
}

type PersonRows = {
  person: { email: string | null; givenName: string | null; familyName: string | null; phone: string | null; preferredLanguage: string | null; erasedAt: string | null } | null;
  counts: Record<string, number>;
  requestTexts: string[];
  sealedAddresses: number;
  outboxEvents: { type: string; payload: unknown }[];
  audit: { action: string; target: string | null; details: unknown }[];
};
const personRows = async (personId: string, extra: { userId?: string; email?: string } = {}) => (await testHook({ action: "person-rows", personId, ...extra })) as PersonRows;

const isZip = (body: Buffer) => body.length >= 2 && body[0] === 0x50 && body[1] === 0x4b;

async function fetchWithoutRedirect(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), contentType: response.headers()["content-type"] ?? "", location: response.headers()["location"] ?? "", body: await response.body() };
}

test("Download my data: the worker builds the ZIP with progress; it holds only this person's data, parses, and is refused to others and after expiry", async ({ browser, playwright }) => {
  const { email, personId, context, page } = await freshPerson(browser, "export");
  const familyName = `Vientinen${Date.now()}`;
  await saveProfile(page, { Etunimi: "Eeva", Sukunimi: familyName, Puhelin: "040 765 1234" });

  const exportsList = page.getByTestId("exports").locator("li");

  // A file asked for earlier is being built by a worker that stopped at 40 %: the page shows its
  // progress (and no second request button) and keeps refreshing; once the worker's lease runs
  // out, the running worker takes the export over and the download link appears by itself.
  const stalled = (await testHook({ action: "stalled-export", email, progress: 40 })) as { exportId: string };
  await page.goto("/data");
  await expect(exportsList).toHaveCount(1);
  await expect(exportsList.first()).toHaveAttribute("data-export-status", "BUILDING");
  await expect(exportsList.first().getByRole("status")).toContainText("Tiedostoa valmistellaan");
  await expect(exportsList.first().getByRole("progressbar", { name: "Edistyminen" })).toHaveAttribute("value", "40");
  await expect(page.getByRole("button", { name: "Valmistele tiedostoni" })).toHaveCount(0);
  expect((await testHook({ action: "end-export-lease", exportId: stalled.exportId })).updated).toBe(1);
  await expect(exportsList.first().getByRole("link", { name: /^Lataa \(ZIP, / })).toBeVisible({ timeout: 30_000 });
  await expect(exportsList.first()).toHaveAttribute("data-export-status", "READY");
  await expect(exportsList.first().getByRole("progressbar")).toHaveCount(0);

  // The person asks for a new file: confirmed on the page, built by the worker.
  await page.getByRole("button", { name: "Valmistele tiedostoni" }).click();
  await expect(page.locator("main").getByRole("status").filter({ hasText: "Valmistelemme tiedostoasi" })).toHaveText("Valmistelemme tiedostoasi. Saat myös sähköpostin, kun se on valmis.");
  await expect(exportsList).toHaveCount(2);
  const item = exportsList.first();
  const link = item.getByRole("link", { name: /^Lataa \(ZIP, / });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(item).toHaveAttribute("data-export-status", "READY");
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/data\/exports\/[\w-]+$/);
  const exportId = href.split("/").pop()!;

  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^omadata-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await readFile((await download.path())!);
  expect(isZip(zip)).toBe(true);
  const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(zip))).map(([name, bytes]) => [name, strFromU8(bytes)]));

  expect(Object.keys(files)).toEqual(expect.arrayContaining(["data.json", "index.html", "README.txt"]));
  const data = JSON.parse(files["data.json"]!) as {
    person: { id: string; email: string; givenName: string; familyName: string; phone: string };
    requests: { type: string }[];
  };
  expect(data.person).toMatchObject({ id: personId, email, givenName: "Eeva", familyName, phone: "+358407651234" });
  expect(data.requests.map((r) => r.type)).toEqual(["ACCESS", "ACCESS"]);
  // Nobody else's data: the only address anywhere in the ZIP is the person's own.
  const everything = Object.values(files).join("\n");
  expect(everything).not.toContain("maija.meikalainen@example.com");
  expect([...new Set(everything.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/g) ?? [])]).toEqual([email]);
  expect(everything).not.toContain("Meikäläinen");

  const csvFiles = Object.keys(files).filter((name) => name.endsWith(".csv"));
  expect(csvFiles.length).toBeGreaterThanOrEqual(5);
  for (const name of csvFiles) {
    // Strict RFC 4180: quotes honoured, every record as wide as the header.
    const rows = parse(files[name]!, { bom: true, relax_column_count: false }) as string[][];
    expect(rows.length, name).toBeGreaterThanOrEqual(1);
    for (const row of rows) expect(row.length, `${name}: ${JSON.stringify(row)}`).toBe(rows[0]!.length);
  }
  const personCsv = parse(files["csv/person.csv"]!, { bom: true, columns: true }) as Record<string, string>[];
  expect(personCsv).toHaveLength(1);
  expect(personCsv[0]).toMatchObject({ email, givenName: "Eeva", familyName });
  expect(files["index.html"]).toContain("<!doctype html>");
  expect(files["index.html"]).toContain(familyName);
  expect(files["README.txt"]!.length).toBeGreaterThan(100);
  expect(files["README.txt"]).toContain("data.json");

  // The person is told by email, and the page counts the download.
  expect((await waitForEmailWith(email, "Tiedostosi on valmis")).text).toContain(`${BASE_URL}/data`);
  await page.reload();
  await expect(exportsList.first()).toContainText("Ladattu kerran");

  // Another signed-in person: refused, no ZIP.
  const other = await freshPerson(browser, "export-other");
  const asOther = await fetchWithoutRedirect(other.context.request, `${BASE_URL}${href}`);
  expect([403, 404]).toContain(asOther.status);
  expect(isZip(asOther.body)).toBe(false);
  expect(asOther.contentType).not.toContain("zip");
  await other.context.close();

  // Signed out: sent to sign-in, no ZIP.
  const anonymous = await playwright.request.newContext();
  const asAnonymous = await fetchWithoutRedirect(anonymous, `${BASE_URL}${href}`);
  expect(asAnonymous.status).toBe(303);
  expect(asAnonymous.location).toMatch(/\/signin/);
  expect(isZip(asAnonymous.body)).toBe(false);
  await anonymous.dispose();

  // Past its expiry: gone, even for its owner, and the page says so.
  expect((await testHook({ action: "expire-export", exportId })).updated).toBe(1);
  const expired = await fetchWithoutRedirect(context.request, `${BASE_URL}${href}`);
  expect(expired.status).toBe(410);
  expect(isZip(expired.body)).toBe(false);
  await page.reload();
  await expect(exportsList.first()).toHaveAttribute("data-export-status", "EXPIRED");
  await expect(exportsList.first()).toContainText("Vanhentunut");
  await expect(exportsList.first().getByRole("link")).toHaveCount(0);
  await context.close();
});

test("Delete my data: cancelled in the cooling-off period nothing is erased; after it the worker erases everything, ends the session, suppresses the address", async ({ browser, playwright }) => {
  const { email, personId, userId, context, page } = await freshPerson(browser, "erase");
  const familyName = `Poistettava${Date.now()}`;
  await saveProfile(page, { Etunimi: "Erkki", Sukunimi: familyName, Puhelin: "040 555 1234" });
  await page.goto("/consents");
  await purposeSwitch(page, "sms-offers").click();
  await expect(consentStatus(page, "sms-offers")).toHaveText("Annettu");

  // Requested, then cancelled within the grace period: nothing is erased.
  await requestErasure(page);
  await expect(page.getByTestId("erasure-scheduled")).toContainText("Sitä ennen voit perua");
  await page.getByRole("button", { name: "Peru poisto" }).click();
  await expect(page).toHaveURL(/\/data\/delete\?cancelled=1$/);
  await expect(page.locator("main").getByRole("status")).toHaveText("Poisto peruttiin. Mitään ei poistettu.");
  await page.goto("/profile");
  await expect(profileRow(page, "givenName")).toHaveText("Erkki");
  await expect(profileRow(page, "phone")).toHaveText("+358405551234");
  await page.goto("/consents");
  await expect(consentStatus(page, "sms-offers")).toHaveText("Annettu");
  await page.goto("/requests");
  await expect(requestItem(page, "ERASURE")).toHaveCount(1);
  await expect(requestItem(page, "ERASURE")).toHaveAttribute("data-request-status", "CANCELLED");
  await expect(requestItem(page, "ERASURE").locator(".badge")).toHaveText("Peruttu");
  await waitForEmailWith(email, "Poisto peruttu");
  const kept = await personRows(personId, { userId, email });
  expect(kept.person).toMatchObject({ email, givenName: "Erkki", familyName, phone: "+358405551234", erasedAt: null });
  expect(kept.counts).toMatchObject({ users: 1, sessions: 1, consentStates: 1, consentEvents: 1 });
  expect(kept.counts.fieldHistory).toBeGreaterThan(0);

  // Requested again; the cooling-off period passes and the worker erases.
  await requestErasure(page);
  const requestId = await openErasureId(page);
  expect((await testHook({ action: "schedule-erasure-now", requestId })).updated).toBe(1);
  await expect.poll(async () => (await personRows(personId)).person?.erasedAt ?? null, { timeout: 20_000 }).not.toBeNull();

  const rows = await personRows(personId, { userId, email });
  expect(rows.person).toMatchObject({ email: null, givenName: null, familyName: null, phone: null, preferredLanguage: null });
  expect(rows.counts).toEqual({
    users: 0, sessions: 0, accounts: 0, signInTokens: 0, memberships: 0, externalIdentities: 0, fieldHistory: 0, interactions: 0, emailChanges: 0,
    consentEvents: 0, consentStates: 0, consentConfirmations: 0, exports: 0,
  });
  expect(rows.requestTexts).toEqual([]);
  // What stays about the person (outbox envelopes, the audit trail) holds no value of theirs.
  expect(rows.audit.map((a) => a.action)).toEqual(expect.arrayContaining(["person.updated", "consent.granted", "person.erased"]));
  const kept2 = JSON.stringify([rows.outboxEvents, rows.audit]);
  for (const value of [email, "Erkki", familyName, "+358405551234", "0405551234"]) expect(kept2).not.toContain(value);

  // The person.erased event: identifiers only.
  const { event } = (await testHook({ action: "erased-event", personId })) as { event: { id: string; payload: { type: string; data: Record<string, unknown> } } | null };
  expect(event).not.toBeNull();
  expect(event!.payload.type).toBe("person.erased");
  expect(event!.payload.data).toMatchObject({ requestId });
  const payload = JSON.stringify(event!.payload);
  for (const value of [email, "@example.com", "Erkki", familyName, "+358405551234", "555"]) expect(payload).not.toContain(value);

  // The session ended with the account.
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin/);
  await waitForEmailWith(email, "Tietosi poistettiin");

  // A connected system cannot re-add the suppressed address with marketing consent.
  const { apiKey } = (await testHook({ action: "create-system", key: `reimport-${Date.now()}`, requiresErasureAck: false, scopes: ["consents:write"] })) as { apiKey: string };
  const api = await playwright.request.newContext({ extraHTTPHeaders: { authorization: `Bearer ${apiKey}` } });
  const grant = () =>
    api.post(`${BASE_URL}/api/v1/consents`, {
      data: { person: { email }, purposeKey: "sms-offers", status: "GRANTED", evidence: { collectedAt: new Date().toISOString(), method: "web_form" } },
    });
  const refused = await grant();
  expect(refused.status()).toBe(409);
  expect((await testHook({ action: "person-id", email })).personId).toBeNull();

  // Signing in again with the same address (the real emailed link) starts an empty person.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto("/signin");
  await againPage.getByLabel("Sähköpostiosoite").fill(email);
  await againPage.getByRole("button", { name: "Lähetä linkki" }).click();
  await expect(againPage).toHaveURL(/\/signin\/check-email$/);
  await againPage.goto(linkIn(await waitForEmailWith(email, "Kirjautumislinkkisi Omadataan"), "/api/auth/callback/nodemailer"));
  await expect(againPage).toHaveURL(/\/$/);
  await againPage.goto("/profile");
  await expect(profileRow(againPage, "email")).toHaveText(email);
  await expect(profileRow(againPage, "givenName")).toHaveText("Ei annettu");
  await expect(profileRow(againPage, "familyName")).toHaveText("Ei annettu");
  await expect(profileRow(againPage, "phone")).toHaveText("Ei annettu");
  await againPage.goto("/consents");
  await expect(purposeSwitch(againPage, "sms-offers")).toHaveAttribute("aria-checked", "false");
  const newPersonId = (await testHook({ action: "person-id", email })).personId as string;
  expect(newPersonId).toBeTruthy();
  expect(newPersonId).not.toBe(personId);

  // Still refused for the new person with that address.
  expect((await grant()).status()).toBe(409);
  expect((await personRows(newPersonId)).counts.consentStates).toBe(0);
  await api.dispose();
  await again.close();
  await context.close();
});

test("an erasure waits in AWAITING_SYSTEMS until the acknowledging system confirms through the API, then completes", async ({ browser, playwright }) => {
  const systemKey = `erasure-ack-${Date.now()}`;
  const { systemId, apiKey } = (await testHook({ action: "create-system", key: systemKey, requiresErasureAck: true, scopes: ["events:ack"] })) as { systemId: string; apiKey: string };
  try {
    const { email, personId, context, page } = await freshPerson(browser, "erase-ack");
    await requestErasure(page);
    const requestId = await openErasureId(page);

    // The officer approves it before the cooling-off period ends: it runs at once.
    const officer = await staff(browser, OFFICER);
    await officer.page.goto(`/admin/requests/${requestId}`);
    await expect(officer.page.locator("h1 .badge").first()).toHaveText("Vastaanotettu");
    await officer.page.getByRole("button", { name: "Hyväksy nyt: poista heti" }).click();
    await officer.page.getByRole("dialog", { name: "Poistetaanko henkilön tiedot nyt?" }).getByRole("button", { name: "Poista nyt" }).click();
    await expect(officer.page.locator("h1 .badge").first()).toHaveText("Odottaa liitettyjä järjestelmiä");
    await expect(officer.page.locator("p.warning")).toContainText(/^Odottaa kuittausta: /);
    await expect(officer.page.locator("p.warning")).toContainText(systemKey);
    await waitForEmailWith(email, "Tietosi poistettiin");

    // Worker passes change nothing while the system has not acknowledged.
    await testHook({ action: "run-request-jobs" });
    await officer.page.reload();
    await expect(officer.page.locator("h1 .badge").first()).toHaveText("Odottaa liitettyjä järjestelmiä");
    // The address is kept sealed for the last email only, and that email has not gone.
    expect((await personRows(personId)).sealedAddresses).toBe(1);
    expect((await emailsTo(email)).map((m) => m.subject)).not.toContain("Poisto on valmis");

    const api = await playwright.request.newContext({ extraHTTPHeaders: { authorization: `Bearer ${apiKey}` } });
    const ack = await api.post(`${BASE_URL}/api/v1/acknowledgements`, { data: { requestId, status: "done" } });
    expect(ack.status()).toBe(201);
    expect(await ack.json()).toMatchObject({ status: "DONE", requestId });
    await api.dispose();

    // The running worker completes it and sends the final email.
    await expect(async () => {
      await officer.page.reload();
      await expect(officer.page.locator("h1 .badge").first()).toHaveText("Valmis", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(officer.page.locator("p.warning")).toHaveCount(0);
    await expect(officer.page.getByTestId("timeline").locator('li[data-step="completed"]')).toHaveCount(1);
    await waitForEmailWith(email, "Poisto on valmis");
    await expect.poll(async () => (await personRows(personId)).sealedAddresses).toBe(0);
    await officer.context.close();
    await context.close();
  } finally {
    await testHook({ action: "stop-erasure-ack", systemId });
  }
});

test("an officer enters a request on a person's behalf; the person confirms by email; approved and fulfilled; customers and support are refused", async ({ browser }) => {
  const person = await freshPerson(browser, "on-behalf");
  const officer = await staff(browser, OFFICER);
  const support = await staff(browser, SUPPORT);
  const customer = await freshPerson(browser, "not-staff");

  // Only officers reach the queue.
  for (const other of [support.page, customer.page]) {
    expect((await other.goto("/admin/requests"))?.status()).toBe(403);
    expect((await other.goto("/admin/requests/new"))?.status()).toBe(403);
  }

  await officer.page.goto("/admin/requests/new");
  await officer.page.getByLabel("Henkilön sähköpostiosoite").fill(person.email);
  await officer.page.getByLabel("Tyyppi").selectOption("RECTIFICATION");
  await officer.page.getByLabel("Kanava").selectOption("POST");
  await officer.page.getByLabel("Henkilön oma kuvaus").fill("Sukunimeni on kirjoitettu väärin kirjeessä.");
  await officer.page.getByRole("button", { name: "Kirjaa pyyntö ja lähetä henkilölle sähköposti" }).click();
  await expect(officer.page.locator("h1")).toContainText("Pyyntö: Oikaisu");
  await expect(officer.page).toHaveURL(/\/admin\/requests\/(?!new$)[\w-]+$/);
  const requestId = officer.page.url().split("/").pop()!;
  await expect(officer.page.locator("h1 .badge").first()).toHaveText("Odottaa vahvistusta");

  // The person confirms with the emailed link (no session needed).
  const confirmation = await waitForEmailWith(person.email, "Vahvista pyyntösi");
  const anonymous = await browser.newContext();
  const confirmPage = await anonymous.newPage();
  await confirmPage.goto(linkIn(confirmation, "/confirm-request"));
  await confirmPage.getByRole("button", { name: "Vahvista pyyntö" }).click();
  await expect(confirmPage.locator("main").getByRole("status")).toHaveText("Kiitos: pyyntö on vahvistettu ja olemme aloittaneet sen käsittelyn.");
  await anonymous.close();

  await officer.page.reload();
  await expect(officer.page.locator("h1 .badge").first()).toHaveText("Vastaanotettu");

  // While the officer's approval is on its way, the very same action call is replayed by a
  // support user and by a customer: both are refused and change nothing.
  const replays: { status: number; body: string }[] = [];
  await officer.page.route(`**/admin/requests/${requestId}`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => ["next-action", "content-type", "accept", "next-router-state-tree", "origin"].includes(name)));
    for (const other of [support.context, customer.context]) {
      const response = await other.request.post(request.url(), { headers, data: request.postData() ?? "", maxRedirects: 0 });
      replays.push({ status: response.status(), body: await response.text() });
    }
    await route.continue();
  });
  await officer.page.getByRole("button", { name: "Hyväksy ja aloita" }).click();
  await expect(officer.page.locator("h1 .badge").first()).toHaveText("Käsittelyssä");
  await officer.page.unroute(`**/admin/requests/${requestId}`);
  expect(replays).toHaveLength(2);
  for (const replay of replays) {
    expect(replay.status).toBe(403);
    expect(replay.body).not.toContain('"ok":true');
  }
  // One approval: the officer's. Had a replay gone through, the officer's would have been refused.
  await expect(officer.page.getByTestId("timeline").locator('li[data-step="approved"]')).toHaveCount(1);
  await expect(officer.page.getByTestId("timeline").locator('li[data-step="approved"]')).toContainText(`tekijä: ${OFFICER}`);

  await officer.page.getByLabel("Mitä tehtiin (lähetetään henkilölle)").fill("Sukunimi korjattiin.");
  await officer.page.getByRole("button", { name: "Merkitse valmiiksi" }).click();
  await expect(officer.page.locator("h1 .badge").first()).toHaveText("Valmis");
  await waitForEmailWith(person.email, "Pyyntösi on käsitelty");

  // The person's own page: the timeline meant for them, and Valmis.
  await person.page.goto("/requests");
  const item = person.page.locator(`li[data-request-id="${requestId}"]`);
  await expect(item.locator(".badge")).toHaveText("Valmis");
  await expect(item).toHaveAttribute("data-request-status", "COMPLETED");
  await expect(item.locator(".quote")).toHaveText("Sukunimeni on kirjoitettu väärin kirjeessä.");
  const steps = item.locator("ol.timeline > li");
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toContainText("Pyyntö vastaanotettu");
  await expect(steps.nth(1)).toContainText("Vahvistuslinkki lähetetty sinulle");
  await expect(steps.nth(2)).toContainText("Vahvistit pyynnön");
  await expect(steps.nth(3)).toContainText("Valmis: Sukunimi korjattiin.");

  for (const c of [person.context, officer.context, support.context, customer.context]) await c.close();
});

test("the request pages have no accessibility violations", async ({ browser }) => {
  const { context, page } = await freshPerson(browser, "axe");
  const check = async (p: Page) => {
    // Next.js streams the <title> in after the body: wait for it, so axe sees the finished page.
    await expect(p).toHaveTitle(/\S/);
    expect((await new AxeBuilder({ page: p }).withTags(axeTags).analyze()).violations).toEqual([]);
  };

  await page.goto("/data");
  await check(page);
  await page.getByRole("button", { name: "Valmistele tiedostoni" }).click();
  await expect(page.getByTestId("exports").getByRole("link", { name: /^Lataa \(ZIP/ })).toBeVisible({ timeout: 30_000 });
  await check(page);

  await page.goto("/data/delete");
  await check(page);
  await page.getByRole("button", { name: "Poista tietoni" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("Vahvista, että ymmärrät.");
  await check(page);
  await requestErasure(page);
  await check(page);

  await page.goto("/requests");
  await expect(requestItem(page, "ACCESS")).toHaveCount(1);
  await expect(requestItem(page, "ERASURE")).toHaveCount(1);
  await check(page);
  const requestId = (await requestItem(page, "ERASURE").getAttribute("data-request-id"))!;

  const officer = await staff(browser, OFFICER);
  await officer.page.goto("/admin/requests");
  await expect(officer.page.getByTestId("request-queue").locator(`tr[data-request-id="${requestId}"]`)).toBeVisible();
  await check(officer.page);
  await officer.page.goto(`/admin/requests/${requestId}`);
  await check(officer.page);
  await officer.context.close();
  await context.close();
});
