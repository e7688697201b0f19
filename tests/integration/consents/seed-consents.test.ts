import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { findConsentTimeline } from "@/lib/consents/find-consent-timeline";
import { defaultPurposes } from "@/lib/consents/default-purposes";
import { seedDemoData } from "@/prisma/seed";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
  expect(await seedDemoData(t.database.prisma)).toBe(true);
});
afterAll(async () => {
  await t.drop();
});

describe("demo consents", () => {
  it("publishes the default purposes with texts in fi, sv and en", async () => {
    const purposes = await t.database.prisma.purpose.findMany({ include: { versions: true }, orderBy: { sortOrder: "asc" } });
    expect(purposes.map((p) => p.key)).toEqual(defaultPurposes.map((p) => p.key));
    expect(purposes.map((p) => p.key)).toEqual(["newsletter", "sms-offers", "phone-marketing", "direct-mail", "personalised-offers", "partner-sharing", "customer-surveys"]);
    for (const purpose of purposes) {
      expect(purpose).toMatchObject({ currentVersion: 1, renewalFromVersion: 1, retiredAt: null });
      expect(purpose.versions).toHaveLength(1);
      expect(purpose.versions[0]!.publishedAt).not.toBeNull();
      const texts = purpose.versions[0]!.texts as Record<string, { title: string; description: string }>;
      for (const locale of ["fi", "sv", "en"]) expect(texts[locale]!.title.length, `${purpose.key} ${locale}`).toBeGreaterThan(0);
    }
    expect(purposes.find((p) => p.key === "newsletter")).toMatchObject({ channel: "EMAIL", requiresDoubleOptIn: true });
    expect(purposes.find((p) => p.key === "partner-sharing")).toMatchObject({ isSaleOrSharing: true });
  });

  it("gives demo persons a consent history, with states that match it and an intact audit chain", async () => {
    const maija = await t.database.prisma.person.findUniqueOrThrow({ where: { email: "maija.meikalainen@example.com" } });
    const consents = await findPersonConsents({ personId: maija.id, locale: "fi" });
    const status = (key: string) => consents.find((c) => c.purposeKey === key)?.status;
    expect([status("newsletter"), status("sms-offers"), status("partner-sharing"), status("customer-surveys")]).toEqual(["GRANTED", "WITHDRAWN", "WITHDRAWN", "NOT_SET"]);
    const timeline = await findConsentTimeline({ personId: maija.id, locale: "fi" });
    expect(timeline.items[0]).toMatchObject({ purposeKey: "partner-sharing", status: "WITHDRAWN", source: "GPC" });
    expect(timeline.items.length).toBe(6);
    await sequenceAuditLog(t.database.prisma);
    expect((await verifyAuditChain(t.database.prisma)).intact).toBe(true);
  });
});
