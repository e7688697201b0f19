// The dashboard's data functions return the series its charts draw: consent rate per purpose
// per week, requests by status and the on-time rate per month, propagation health per system.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantConsent } from "@/lib/consents/grant-consent";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { findConsentRates } from "@/lib/dashboard/find-consent-rates";
import { findPropagationHealth } from "@/lib/dashboard/find-propagation-health";
import { findRequestStats } from "@/lib/dashboard/find-request-stats";
import { createPublishedPurpose } from "../../factories/purposes";
import { staffActor } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
const support = staffActor("SUPPORT");
const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-06-30T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

describe("dashboard data", () => {
  it("consent rate per purpose per week, from the history", async () => {
    const prisma = t.database.prisma;
    const key = await createPublishedPurpose();
    // Four persons on record from 40 days ago; two more join 10 days ago.
    const persons = [];
    for (let i = 0; i < 6; i += 1) persons.push(await prisma.person.create({ data: { email: `rate-${i}-${key}@example.test`, createdAt: daysAgo(i < 4 ? 40 : 10) } }));
    const actor = { kind: "PERSON" as const, id: null };
    await grantConsent({ actor, personId: persons[0]!.id, input: { purposeKey: key }, now: daysAgo(30) });
    await grantConsent({ actor, personId: persons[1]!.id, input: { purposeKey: key }, now: daysAgo(20) });
    await withdrawConsent({ actor, personId: persons[1]!.id, input: { purposeKey: key }, now: daysAgo(5) });
    await grantConsent({ actor, personId: persons[4]!.id, input: { purposeKey: key }, now: daysAgo(3) });

    const rates = await findConsentRates({ actor: support, query: { weeks: 6, locale: "en" }, now });
    expect(rates.at).toHaveLength(6);
    expect(rates.at[5]).toEqual(now);
    const series = rates.series.find((s) => s.purposeKey === key)!;
    expect(series.title).toBe(`${key} (en) v1`);
    // Week ends: 35, 28, 21, 14, 7, 0 days ago.
    expect(series.points.map((p) => p.granted)).toEqual([0, 1, 1, 2, 2, 2]);
    expect(series.points.map((p) => p.persons)).toEqual([4, 4, 4, 4, 6, 6]);
    expect(series.points[3]!.rate).toBeCloseTo(0.5);
    expect(series.points[5]!.rate).toBeCloseTo(2 / 6);
  });

  it("requests by status and the share answered on time per month", async () => {
    const prisma = t.database.prisma;
    const person = await prisma.person.create({ data: {} });
    const request = (status: "RECEIVED" | "COMPLETED" | "DENIED" | "IN_PROGRESS", receivedAt: Date, dueAt: Date, closedAt: Date | null, extendedDueAt: Date | null = null) =>
      prisma.dataRequest.create({ data: { personId: person.id, type: "ACCESS", channel: "PORTAL", status, receivedAt, dueAt, closedAt, extendedDueAt } });
    await request("COMPLETED", new Date("2026-05-01T00:00:00Z"), new Date("2026-06-01T00:00:00Z"), new Date("2026-06-01T20:00:00Z")); // on the due day: on time
    await request("COMPLETED", new Date("2026-04-01T00:00:00Z"), new Date("2026-05-01T00:00:00Z"), new Date("2026-06-10T00:00:00Z")); // late
    await request("DENIED", new Date("2026-03-01T00:00:00Z"), new Date("2026-04-01T00:00:00Z"), new Date("2026-06-15T00:00:00Z"), new Date("2026-06-30T00:00:00Z")); // extended: on time
    await request("COMPLETED", new Date("2026-04-01T00:00:00Z"), new Date("2026-05-01T00:00:00Z"), new Date("2026-04-20T00:00:00Z"));
    await request("IN_PROGRESS", new Date("2026-05-01T00:00:00Z"), new Date("2026-06-01T00:00:00Z"), null); // overdue
    await request("RECEIVED", new Date("2026-06-20T00:00:00Z"), new Date("2026-07-20T00:00:00Z"), null);

    const stats = await findRequestStats({ actor: support, query: { months: 3 }, now });
    expect(stats.byStatus.find((s) => s.status === "COMPLETED")!.count).toBe(3);
    expect(stats.byStatus.find((s) => s.status === "IN_PROGRESS")!.count).toBe(1);
    expect(stats).toMatchObject({ open: 2, overdue: 1 });
    expect(stats.onTime.map((m) => [m.month.toISOString().slice(0, 7), m.answered, m.onTime])).toEqual([["2026-04", 1, 1], ["2026-05", 0, 0], ["2026-06", 3, 2]]);
    expect(stats.onTimeRate).toBeCloseTo(3 / 4);
  });

  it("propagation health per system: success rate, backlog, oldest pending", async () => {
    const prisma = t.database.prisma;
    const crm = await prisma.connectedSystem.create({ data: { key: "dash-crm", name: "CRM", kind: "CRM", webhookUrl: "https://crm.example.test/hook", eventTypes: ["person.updated"] } });
    await prisma.connectedSystem.create({ data: { key: "dash-api", name: "API only", kind: "OTHER", eventTypes: [] } });
    // Three delivered, one failed, two waiting (the older from two days ago); one event each.
    for (let i = 0; i < 6; i += 1) {
      const event = await prisma.outboxEvent.create({ data: { id: `evt_dash_${i}`, type: "person.updated", payload: {}, occurredAt: daysAgo(2) } });
      await prisma.delivery.create({
        data: { eventId: event.id, systemId: crm.id, eventType: "person.updated", webhookId: `msg_dash_${i}`, status: i < 3 ? "SUCCEEDED" : i === 3 ? "FAILED" : "PENDING", createdAt: i === 4 ? daysAgo(2) : daysAgo(1) },
      });
    }
    const health = await findPropagationHealth({ actor: support, now });
    expect(health.systems.map((s) => s.key)).toEqual(["dash-crm"]);
    expect(health.systems[0]).toMatchObject({ succeeded: 3, failed: 1, backlog: 2, successRate: 0.75, oldestPendingAt: daysAgo(2), oldestPendingAgeSeconds: 2 * 24 * 3600 });
  });

  it("is for staff from SUPPORT up", async () => {
    const customer = staffActor("CUSTOMER");
    await expect(findConsentRates({ actor: customer })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findRequestStats({ actor: customer })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findPropagationHealth({ actor: customer })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
