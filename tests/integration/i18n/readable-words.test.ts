// A person with one audit entry of every action the trail records (the list in audit-actions.ts,
// which a unit test holds to the code), in every language: the Activity rows, the staff 360 view's
// activity and provenance, and the export's index.html read as words. No key, no placeholder, no
// UUID, no ISO time, no raw enum value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { appendAuditEntries } from "@/lib/audit/append-audit-entries";
import { auditActions } from "@/lib/audit/audit-actions";
import { findPersonActivity } from "@/lib/audit/find-person-activity";
import { describeActivity } from "@/lib/i18n/describe-activity";
import { loadDescribeNames } from "@/lib/i18n/describe-names";
import { describeSource } from "@/lib/i18n/describe-source";
import { locales } from "@/lib/i18n/locales";
import { collectPersonData } from "@/lib/requests/collect-person-data";
import { exportFileStrings } from "@/lib/requests/export-file-strings";
import { renderExportFiles } from "@/lib/requests/render-export-files";
import { requestDataExport } from "@/lib/requests/request-data-export";
import { createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson, createOfficer } from "../../factories/requests";
import { unreadableParts, visibleText } from "../../support/readable-text";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

/** Details shaped as the code that writes each kind of entry shapes them. */
function detailsFor(action: string, ids: { systemId: string; purposeKey: string; requestId: string }) {
  const [domain] = action.split(".");
  if (domain === "consent") return { purposeKey: ids.purposeKey, version: 1, status: "GRANTED", source: "PORTAL", consentEventId: ids.requestId, connectedSystemId: ids.systemId };
  if (domain === "request") return { type: "ERASURE", from: "RECEIVED", to: "COMPLETED", channel: "PORTAL", status: "RECEIVED" };
  if (domain === "interaction") return { system: "webshop", kind: "PURCHASE" };
  if (domain === "manual_task") return { systemId: ids.systemId, dataRequestId: ids.requestId, kind: "ERASURE" };
  if (action === "system.acknowledged") return { systemId: ids.systemId, status: "DONE", dataRequestId: ids.requestId };
  if (action === "person.viewed") return { reason: "Asiakaspalvelupuhelu", reasonCode: "support_call", role: "SUPPORT" };
  if (action === "person.updated") return { fields: ["phone", "city"], source: "IMPORT", system: "crm", importJobId: ids.requestId };
  if (action === "person.created") return { fields: ["givenName"], source: "IMPORT", system: "crm" };
  if (action === "person.identity_linked") return { system: "crm" };
  if (action === "person.erasure_requested") return { scheduledFor: new Date().toISOString() };
  return { dataRequestId: ids.requestId };
}

describe("every event in words", () => {
  it("Activity, the 360 view and the export's index.html show no key, placeholder, id, ISO time or enum value in fi, sv and en", { timeout: 120_000 }, async () => {
    const prisma = t.database.prisma;
    const shop = await prisma.connectedSystem.create({ data: { key: "webshop", name: "Verkkokauppa", kind: "WEB_SHOP", eventTypes: [] } });
    await prisma.connectedSystem.create({ data: { key: "crm", name: "Asiakasrekisteri", kind: "CRM", eventTypes: [] } });
    const purposeKey = await createPublishedPurpose();
    const a = await createFullPerson(prisma, purposeKey, "words");
    await prisma.personFieldChange.create({ data: { personId: a.person.id, field: "givenName", source: "IMPORT", system: "crm", changedAt: new Date() } });
    const { requestId } = await requestDataExport({ actor: a.actor, personId: a.person.id });
    const officer = await createOfficer(prisma);

    const actors: Actor[] = [a.actor, officer.actor, { kind: "SYSTEM", id: shop.id }, { kind: "WORKER", id: "worker-1" }, { kind: "SYSTEM", id: "demo-seed" }, { kind: "ANONYMOUS", id: null }];
    await prisma.$transaction(async (tx) => {
      for (const [i, action] of auditActions.entries()) {
        await appendAuditEntries(tx, actors[i % actors.length]!, [{ action, personId: a.person.id, target: `Person:${a.person.id}`, details: detailsFor(action, { systemId: shop.id, purposeKey, requestId }) }]);
      }
      // A kind added later, before anyone wrote its words.
      await appendAuditEntries(tx, a.actor, [{ action: "future.kind_added_later", personId: a.person.id, details: { purposeKey } }]);
    });

    for (const locale of locales) {
      const names = await loadDescribeNames(locale);
      const purposeTitle = names.purposes.get(purposeKey)!;
      expect(purposeTitle).toBeTruthy();
      for (const viewer of ["person", "staff"] as const) {
        const entries = [];
        for (let page = 1; ; page++) {
          const activity = await findPersonActivity(a.person.id, page);
          entries.push(...activity.entries);
          if (page >= activity.pages) break;
        }
        const rows = await describeActivity(locale, entries, viewer);
        const seen = new Set(rows.map((r) => r.action));
        expect(auditActions.filter((x) => !seen.has(x))).toEqual([]);
        expect(seen.has("future.kind_added_later")).toBe(true);
        const text = rows.map((r) => `${r.who}: ${r.what}${r.reason ? ` (${r.reason})` : ""}`).join("\n");
        expect(unreadableParts(text), `${locale} ${viewer}\n${text}`).toEqual([]);
        expect(text).toContain(purposeTitle);
        expect(text).toContain("Verkkokauppa");
      }

      const provenance = await prisma.personFieldChange.findMany({ where: { personId: a.person.id } });
      const sources = provenance.map((p) => describeSource(locale, p, names, "staff")).join("\n");
      expect(unreadableParts(sources), sources).toEqual([]);
      expect(sources).toContain("Asiakasrekisteri");

      const data = await collectPersonData(prisma, a.person.id, new Date());
      const html = renderExportFiles(data, exportFileStrings(locale), { locale, names, timeZone: "Europe/Helsinki" })["index.html"]!;
      const page = visibleText(html);
      expect(unreadableParts(page), `${locale}\n${page}`).toEqual([]);
      expect(page).toContain(a.person.givenName!);
      expect(page).toContain(purposeTitle);
      expect(page).toContain("Verkkokauppa");
      expect(page).toContain("Asiakasrekisteri");
      expect(page).toContain({ fi: "19,99 €", sv: "19,99 €", en: "€19.99" }[locale]);
      expect(page).toContain({ fi: "Osto", sv: "Köp", en: "Purchase" }[locale]);
      expect(page).not.toContain("givenName");
      expect(page).not.toContain("amountMinor");
    }
  });
});
