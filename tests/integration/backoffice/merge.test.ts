// Identity resolution: candidate duplicates for officers, and merging two persons into one with
// both histories, one person.merged event, and the merged id resolving to the survivor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPersonActivity } from "@/lib/audit/find-person-activity";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { grantConsent } from "@/lib/consents/grant-consent";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { findDuplicateCandidates } from "@/lib/identity/find-duplicate-candidates";
import { mergePersons } from "@/lib/identity/merge-persons";
import { getProfile } from "@/lib/persons/get-profile";
import { recordPersonView } from "@/lib/persons/record-person-view";
import { resolvePersonId } from "@/lib/persons/resolve-person-id";
import { createPerson } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createStaff, staffActor } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

const person = async (fields: { givenName: string; familyName: string; phone?: string; postalCode?: string; city?: string }, system?: [string, string]) => {
  const p = await createPerson(t.database.prisma, { givenName: fields.givenName }, system ? [{ system: system[0], externalId: system[1] }] : []);
  await t.database.prisma.person.update({ where: { id: p.id }, data: fields });
  return p;
};
const at = (iso: string) => new Date(iso);

describe("findDuplicateCandidates", () => {
  it("lists pairs with the same phone or normalised email, or similar names in one postal code, for officers", async () => {
    const stamp = Date.now();
    const a = await person({ givenName: "Johanna", familyName: `Lindholm${stamp}`, postalCode: "65100" });
    const b = await person({ givenName: "Johana", familyName: `Lindholm${stamp}`, postalCode: "65100" });
    const c = await person({ givenName: "Johanna", familyName: `Lindholm${stamp}`, postalCode: "00100" });
    const d = await person({ givenName: "Erkki", familyName: `Esimerkki${stamp}`, phone: "+358501112233" });
    const e = await person({ givenName: "E.", familyName: `Ezimerkki${stamp}`, phone: "+358501112233" });
    const f = await createPerson(t.database.prisma, { email: `Mix.Case+${stamp}@Example.test` });
    const g = await createPerson(t.database.prisma, { email: `mix.case@example.test` });

    const candidates = await findDuplicateCandidates({ actor: staffActor("PRIVACY_OFFICER") });
    const pair = (x: string, y: string) => candidates.find((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join());
    expect(pair(a.id, b.id)?.reasons).toEqual(["namePostalCode"]);
    expect(pair(a.id, c.id)).toBeUndefined();
    expect(pair(d.id, e.id)?.reasons).toEqual(["phone"]);
    expect(pair(f.id, g.id)?.reasons).toEqual(["email"]);

    expect((await findDuplicateCandidates({ actor: staffActor("SUPPORT") }).catch((err) => err)).code).toBe("FORBIDDEN");
  });
});

describe("mergePersons", () => {
  it("leaves one person with both histories, one person.merged event, and either id answering the survivor", async () => {
    const prisma = t.database.prisma;
    const { actor } = await createStaff(prisma, "PRIVACY_OFFICER");
    const stamp = Date.now();
    const survivor = await person({ givenName: "Aino", familyName: "Virtanen", postalCode: "00100" }, ["crm", `C-${stamp}`]);
    const merged = await person({ givenName: "Aino", familyName: "Virtanen", phone: "+358401112222", city: "Helsinki" }, ["shop", `S-${stamp}`]);
    const user = await prisma.user.create({ data: { email: merged.email!, personId: merged.id } });
    const shared = await prisma.organization.create({ data: { name: "Shared Oy", businessId: `${stamp}`.slice(-7) + "-1" } });
    const own = await prisma.organization.create({ data: { name: "Own Oy", businessId: `${stamp + 1}`.slice(-7) + "-2" } });
    await prisma.membership.createMany({ data: [
      { personId: survivor.id, organizationId: shared.id, role: "CEO" },
      { personId: merged.id, organizationId: shared.id, role: "Buyer" },
      { personId: merged.id, organizationId: own.id, role: "Owner" },
    ] });
    await prisma.interaction.createMany({ data: [
      { personId: survivor.id, system: "shop", externalId: `o1-${stamp}`, kind: "PURCHASE", occurredAt: at("2026-01-01T10:00:00Z"), summary: "Order 1" },
      { personId: merged.id, system: "shop", externalId: `o2-${stamp}`, kind: "PURCHASE", occurredAt: at("2026-02-01T10:00:00Z"), summary: "Order 2" },
      { personId: merged.id, system: "crm", externalId: `s1-${stamp}`, kind: "SERVICE", occurredAt: at("2026-03-01T10:00:00Z"), summary: "Service" },
    ] });
    const newsletter = await createPublishedPurpose();
    const sms = await createPublishedPurpose({ channel: "SMS" });
    const staff = { kind: "STAFF" as const, id: actor.id, role: "SUPPORT" as const };
    await grantConsent({ actor: staff, personId: survivor.id, input: { purposeKey: newsletter, source: "STAFF" }, now: at("2026-01-01T00:00:00Z") });
    await grantConsent({ actor: staff, personId: merged.id, input: { purposeKey: newsletter, source: "STAFF" }, now: at("2026-02-01T00:00:00Z") });
    await withdrawConsent({ actor: staff, personId: merged.id, input: { purposeKey: newsletter, source: "STAFF" }, now: at("2026-03-01T00:00:00Z") });
    await grantConsent({ actor: staff, personId: merged.id, input: { purposeKey: sms, source: "STAFF" }, now: at("2026-02-15T00:00:00Z") });
    await prisma.dataRequest.create({ data: { personId: merged.id, type: "ACCESS", channel: "PORTAL", receivedAt: new Date(), dueAt: new Date() } });
    const mergedAudit = await prisma.auditEntry.count({ where: { personId: merged.id } });
    expect(mergedAudit).toBeGreaterThan(0);

    await recordPersonView({ actor, personId: [survivor.id, merged.id], input: { reasonCode: "identity_resolution" } });
    const result = await mergePersons({ actor, input: { survivorId: survivor.id, mergedId: merged.id, fields: { email: "merged", city: "merged" } } });
    expect(result.fieldsFromMerged.sort()).toEqual(["city", "email", "phone"]);

    expect(await prisma.person.count({ where: { id: { in: [survivor.id, merged.id] } } })).toBe(1);
    expect(await resolvePersonId(merged.id)).toBe(survivor.id);
    expect(await resolvePersonId(survivor.id)).toBe(survivor.id);

    const after = await prisma.person.findUniqueOrThrow({ where: { id: survivor.id }, include: { externalIds: true, memberships: true, interactions: true, consentEvents: true, dataRequests: true, user: true } });
    expect(after).toMatchObject({ email: merged.email, phone: "+358401112222", city: "Helsinki", postalCode: "00100" });
    expect(after.externalIds.map((e) => e.system).sort()).toEqual(["crm", "shop"]);
    expect(after.memberships.map((m) => m.role).sort()).toEqual(["CEO", "Owner"]);
    expect(after.interactions.map((i) => i.summary).sort()).toEqual(["Order 1", "Order 2", "Service"]);
    expect(after.consentEvents).toHaveLength(4);
    expect(after.dataRequests).toHaveLength(1);
    expect(after.user?.id).toBe(user.id);

    // For each purpose the latest state wins: the merged person's later withdrawal, and their SMS grant.
    const consents = await findPersonConsents({ personId: survivor.id, locale: "en" });
    expect(consents.find((c) => c.purposeKey === newsletter)?.status).toBe("WITHDRAWN");
    expect(consents.find((c) => c.purposeKey === sms)?.status).toBe("GRANTED");

    const events = await prisma.outboxEvent.findMany({ where: { type: "person.merged" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ personId: survivor.id });
    expect((events[0]!.payload as { data: unknown }).data).toMatchObject({ survivor: survivor.id, merged: merged.id, mergedPersonId: merged.id });
    expect((events[0]!.payload as { externalIds: Record<string, string[]> }).externalIds).toEqual({ crm: [`C-${stamp}`], shop: [`S-${stamp}`] });

    // Both trails show in the survivor's activity, with the merge on top.
    const activity = await findPersonActivity(survivor.id);
    expect(activity.entries[0]).toMatchObject({ action: "person.merged" });
    const shown = activity.entries.length;
    expect(shown).toBe(Math.min(25, (await prisma.auditEntry.count({ where: { personId: { in: [survivor.id, merged.id] } } }))));
    expect((await getProfile(survivor.id))!.provenance.email).toMatchObject({ source: "STAFF" });
    await sequenceAuditLog(prisma);
    expect((await verifyAuditChain(prisma)).intact).toBe(true);

    // Outside a merge the consent history stays append-only.
    await expect(prisma.$executeRawUnsafe(`UPDATE "ConsentEvent" SET "personId" = $1 WHERE "personId" = $1`, survivor.id)).rejects.toThrow(/append-only/);
  });

  it("refuses what cannot be merged and writes nothing", async () => {
    const prisma = t.database.prisma;
    const { actor } = await createStaff(prisma, "ADMIN");
    const a = await person({ givenName: "A", familyName: "A" });
    const b = await person({ givenName: "B", familyName: "B" });
    await prisma.user.createMany({ data: [{ email: a.email!, personId: a.id }, { email: b.email!, personId: b.id }] });
    await recordPersonView({ actor, personId: [a.id, b.id], input: { reasonCode: "identity_resolution" } });
    const audit = await prisma.auditEntry.count();
    const attempt = (input: unknown, who = actor) => mergePersons({ actor: who, input }).catch((e) => e);
    expect((await attempt({ survivorId: a.id, mergedId: b.id })).options.userMessage).toBe("bothHaveAccounts");
    expect((await attempt({ survivorId: a.id, mergedId: a.id })).options.fields.mergedId).toBe("samePerson");
    expect((await attempt({ survivorId: a.id, mergedId: "nobody" })).code).toBe("NOT_FOUND");
    expect((await attempt({ survivorId: a.id, mergedId: b.id }, staffActor("SUPPORT"))).code).toBe("FORBIDDEN");
    const c = await person({ givenName: "C", familyName: "C" });
    await prisma.person.update({ where: { id: c.id }, data: { erasedAt: new Date() } });
    expect((await attempt({ survivorId: a.id, mergedId: c.id })).options.userMessage).toBe("personErased");
    expect(await prisma.auditEntry.count()).toBe(audit);
    expect(await prisma.person.count({ where: { id: { in: [a.id, b.id, c.id] } } })).toBe(3);
  });

  it("keeps resolving through a chain of merges", async () => {
    const { actor } = await createStaff(t.database.prisma, "PRIVACY_OFFICER");
    const [x, y, z] = [await person({ givenName: "X", familyName: "X" }), await person({ givenName: "Y", familyName: "Y" }), await person({ givenName: "Z", familyName: "Z" })];
    await recordPersonView({ actor, personId: [x.id, y.id, z.id], input: { reasonCode: "identity_resolution" } });
    await mergePersons({ actor, input: { survivorId: y.id, mergedId: x.id } });
    await mergePersons({ actor, input: { survivorId: z.id, mergedId: y.id } });
    expect(await resolvePersonId(x.id)).toBe(z.id);
    expect(await resolvePersonId(y.id)).toBe(z.id);
  });
});
