// An admin imports a Finnish Excel export through the back-office on a phone-sized screen: sees
// how the file was read and its sample values, maps the columns (a consent column by the purpose's
// title, one country value changed in the value map), imports keeping the valid rows, reads the
// counts, downloads the refused-rows report, finds the recorded duplicate candidate, and gets the
// saved mapping back for the next file of the same source. Every page passes axe.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { CONSENT_COLUMN, finnishExport, refusedLines } from "../integration/import-ui/finnish-export";
import { signInAs } from "./support/session";

const PHONE = { width: 390, height: 844 };
// CI runs on two busy cores: the build's first render and the worker are slow there.
const SLOW = { timeout: 60_000 };

async function accessibleOnPhone(page: Page) {
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  // The page never scrolls sideways (a wide table scrolls inside its own box); a failure names what sticks out.
  const wide = await page.evaluate((width) => {
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > width + 1).slice(0, 6).map((e) => `${e.tagName}#${e.id}.${e.className}`);
  }, PHONE.width);
  expect(wide, `${page.url()} is wider than the screen`).toEqual([]);
}

async function upload(page: Page, name: string, csv: string) {
  await page.goto("/admin/import");
  await accessibleOnPhone(page);
  await page.getByLabel("CSV-tiedosto", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Lataa", exact: true }).click();
  await page.waitForURL(/\/admin\/import\/(?!jobs)[^/]+$/, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: "Valitse sarakkeet" })).toBeVisible(SLOW);
}

const target = (page: Page, column: string) => page.getByLabel(`Tuo sarake ${column} kenttään`, { exact: true });

test("an admin maps and imports a Finnish Excel export, downloads the refused rows and reuses the mapping for the next file", async ({ browser }) => {
  test.setTimeout(300_000);
  const stamp = `${Date.now()}`;
  const system = `crm-${stamp.slice(-8)}`;
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  await signInAs(context, "admin@example.com");
  const page = await context.newPage();

  // The export's source is a connected system.
  await page.goto("/admin/systems/new");
  await page.getByLabel("Tunnus").fill(system);
  await page.getByLabel("Nimi", { exact: true }).fill(`Asiakasrekisteri ${stamp}`);
  await page.getByRole("button", { name: "Liitä", exact: true }).click();
  await expect(page.getByRole("link", { name: "Avaa järjestelmä" })).toBeVisible(SLOW);

  await upload(page, `asiakkaat-${stamp}.csv`, finnishExport(stamp));
  await expect(page.getByTestId("file-detected")).toContainText("puolipistein eroteltu");
  await expect(page.getByTestId("file-detected")).toContainText("UTF-8");
  await expect(page.getByTestId("file-detected")).toContainText("14 saraketta");
  await expect(page.locator('[data-column="Etunimi"]').getByTestId("column-samples")).toContainText("Aino · Bengt · Kaisa · Maija · Virhe");
  await expect(page.locator('[data-column="Maa"]').getByTestId("column-samples")).toContainText("Suomi · Ruotsi · Lappi");
  // Guessed from the Finnish headers.
  await expect(target(page, "Sähköposti")).toHaveValue("email");
  await expect(target(page, "Maa")).toHaveValue("country");
  await expect(target(page, "Y-tunnus")).toHaveValue("businessId");

  await page.getByLabel("Lähdejärjestelmä").selectOption(system);
  await target(page, "Yritys").selectOption("organisationName");
  await target(page, "Titteli").selectOption("organisationRole");
  // The consent column by the purpose's title, never its key.
  await target(page, CONSENT_COLUMN).selectOption({ label: "Suostumus: Suoramainonta postitse" });
  // Country names are recognised; a region is not, and is mapped by hand.
  await expect(page.getByLabel("Maa arvolle ”Suomi”")).toHaveValue("FI");
  await expect(page.getByLabel("Maa arvolle ”Ruotsi”")).toHaveValue("SE");
  await expect(page.getByLabel("Maa arvolle ”Lappi”")).toHaveValue("");
  await page.getByLabel("Maa arvolle ”Lappi”").selectOption({ label: "Suomi" });
  await expect(page.getByText("Oletuksena mitään ei tuoda, jos yksikin rivi hylätään")).toBeVisible();
  await page.getByLabel("Tuo kelvolliset rivit, vaikka osa hylätään").check();
  await accessibleOnPhone(page);

  await page.getByRole("button", { name: "Tuo", exact: true }).click();
  await page.waitForURL(/\/admin\/import\/jobs\//, SLOW);
  await expect(page.getByTestId("import-outcome")).toHaveAttribute("data-outcome", "importedValidRows", { timeout: 120_000 });
  await expect(page.getByTestId("import-outcome")).toHaveText("Kelvolliset rivit tuotiin; 2 riviä hylättiin.");
  const count = (key: string) => page.getByTestId("import-counts").locator(`[data-count="${key}"]`);
  for (const [key, value] of Object.entries({ processedRows: "6", createdRows: "4", matchedRows: "0", errorRows: "2", organisationsCreated: "1", membershipsCreated: "1", consentsGranted: "2", duplicateCandidates: "1" })) {
    await expect(count(key), key).toContainText(value);
  }
  for (const { line, column } of refusedLines) await expect(page.getByTestId("import-errors").locator(`tr[data-row="${line}"]`)).toContainText(column);
  await expect(page.getByTestId("import-errors")).not.toContainText("dateNotReal");
  await accessibleOnPhone(page);

  const downloading = page.waitForEvent("download");
  await page.getByTestId("download-report").click();
  const csv = parse(await readFile((await (await downloading).path())!, "utf8"), { bom: true }) as string[][];
  expect(csv[0]).toEqual(["Rivi", "Sarake", "Syy"]);
  expect(csv.slice(1).map(([line, column]) => ({ line: Number(line), column }))).toEqual(refusedLines);
  // Reasons are sentences in the reader's language, never keys.
  for (const [, , reason] of csv.slice(1)) expect(reason).toMatch(/^[A-ZÅÄÖ].*\.$/);

  // The row with Maija Meikäläinen's phone created a person and a candidate to compare, not a merge.
  await count("duplicateCandidates").getByRole("link").click();
  await page.waitForURL(/\/admin\/duplicates$/, SLOW);
  const recorded = page.locator('li[data-recorded="true"]').filter({ hasText: `asiakkaat-${stamp}.csv tuonnissa, rivi 5` });
  await expect(recorded).toContainText("Molemmilla puhelin +358401234567");
  await expect(recorded).toContainText("Maija Meikäläinen");
  await accessibleOnPhone(page);
  await recorded.getByRole("button", { name: /^Vertaa/ }).click();
  await page.waitForURL(/\/admin\/duplicates\/merge\?/, SLOW);
  await expect(page.getByTestId("merge-form")).toBeVisible();
  await expect(page.getByTestId("merge-form")).toContainText("Maija Meikäläinen (maija.meikalainen@example.com)");
  await accessibleOnPhone(page);

  // The next export of the same source: its saved mapping is offered, value map included.
  await upload(page, `asiakkaat-${stamp}-2.csv`, finnishExport(stamp, { rows: "second" }));
  await expect(page.getByTestId("mapping-note")).toContainText("tallennettua valintaa käytettiin");
  await expect(page.getByLabel("Lähdejärjestelmä")).toHaveValue(system);
  await expect(target(page, CONSENT_COLUMN)).toHaveValue("consent:direct-mail");
  await expect(target(page, "Yritys")).toHaveValue("organisationName");
  await expect(page.getByLabel("Maa arvolle ”Lappi”")).toHaveValue("FI");
  await accessibleOnPhone(page);
  await context.close();
});
