// Each purpose's consent-rate series carries its place in creation order, which picks its chart
// colour: adding a purpose (even one listed first) leaves every other purpose's colour as it was.
import { afterAll, beforeAll, expect, it } from "vitest";
import { seriesColor } from "@/components/charts/palette";
import { findConsentRates } from "@/lib/dashboard/find-consent-rates";
import { createPublishedPurpose, uniquePurposeKey } from "../../factories/purposes";
import { staffActor } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
const support = staffActor("SUPPORT");

beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

it("a purpose keeps its series colour when another purpose is added before it in the list", async () => {
  const first = await createPublishedPurpose({ key: uniquePurposeKey("m") });
  const second = await createPublishedPurpose({ key: uniquePurposeKey("n") });
  const colours = async () => {
    const rates = await findConsentRates({ actor: support, query: { weeks: 4, locale: "en" } });
    return new Map(rates.series.map((s) => [s.purposeKey, seriesColor(s.order)]));
  };
  const before = await colours();
  expect(before.get(first)).not.toBe(before.get(second));

  // Listed first (its key sorts first), made last.
  const added = await createPublishedPurpose({ key: uniquePurposeKey("a") });
  const after = await colours();
  expect(after.get(first)).toBe(before.get(first));
  expect(after.get(second)).toBe(before.get(second));
  expect(after.has(added)).toBe(true);
  expect(after.get(added)).not.toBe(after.get(second));
});
