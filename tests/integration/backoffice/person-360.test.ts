// Opening a person's record: the reason is asked first, the look is audited and shows in the
// person's own activity; a support agent corrects data on the person's behalf with a reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPersonActivity } from "@/lib/audit/find-person-activity";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { AppError } from "@/lib/errors";
import { correctPersonAsStaff } from "@/lib/persons/correct-person-as-staff";
import { getPerson360 } from "@/lib/persons/get-person-360";
import { getProfile } from "@/lib/persons/get-profile";
import { PERSON_VIEW_WINDOW_MS } from "@/lib/persons/get-recent-person-view";
import { recordPersonView } from "@/lib/persons/record-person-view";
import { createPerson } from "../../factories/persons";
import { createStaff } from "../../factories/staff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

describe("opening a person with a reason", () => {
  it("refuses the record until a reason is given, then audits the look and shows it in the person's activity", async () => {
    const { actor } = await createStaff(t.database.prisma, "SUPPORT");
    const person = await createPerson(t.database.prisma, { givenName: "Aino" });
    await t.database.prisma.person.update({ where: { id: person.id }, data: { preferredLanguage: "en" } });

    const before = await getPerson360({ actor, personId: person.id, locale: "en" }).catch((e) => e);
    expect(before).toBeInstanceOf(AppError);
    expect(before.options.userMessage).toBe("reasonRequired");

    await recordPersonView({ actor, personId: person.id, input: { reasonCode: "support_call", note: "" } });
    const activity = await findPersonActivity(person.id);
    expect(activity.entries[0]).toMatchObject({ action: "person.viewed", actorKind: "STAFF", actorId: actor.id, reason: "Customer service call", role: "SUPPORT" });

    const record = await getPerson360({ actor, personId: person.id, locale: "en" });
    expect(record.profile.fields.givenName).toBe("Aino");
    expect(record.view.reasonCode).toBe("support_call");
    expect(record.requests).toEqual([]);
    expect(record.deliveries).toEqual([]);

    // Another staff member has not given a reason; nor has this one once the window has passed.
    const other = await createStaff(t.database.prisma, "ADMIN");
    expect((await getPerson360({ actor: other.actor, personId: person.id, locale: "en" }).catch((e) => e)).code).toBe("FORBIDDEN");
    const later = new Date(Date.now() + PERSON_VIEW_WINDOW_MS + 1000);
    expect((await getPerson360({ actor, personId: person.id, locale: "en", now: later }).catch((e) => e)).code).toBe("FORBIDDEN");
  });

  it("keeps a free-text reason as written and refuses 'other' without one", async () => {
    const { actor } = await createStaff(t.database.prisma, "PRIVACY_OFFICER");
    const person = await createPerson(t.database.prisma);
    const refused = await recordPersonView({ actor, personId: person.id, input: { reasonCode: "other", note: "" } }).catch((e) => e);
    expect(refused.code).toBe("VALIDATION");
    expect(refused.options.fields.note).toBe("noteRequired");
    expect(await t.database.prisma.auditEntry.count({ where: { personId: person.id } })).toBe(0);

    await recordPersonView({ actor, personId: person.id, input: { reasonCode: "other", note: "Audit sample check" } });
    const [entry] = (await findPersonActivity(person.id)).entries;
    expect(entry).toMatchObject({ reason: "Audit sample check", role: "PRIVACY_OFFICER" });
  });

  it("is refused for customers and for unknown persons", async () => {
    const { actor } = await createStaff(t.database.prisma, "CUSTOMER");
    const person = await createPerson(t.database.prisma);
    expect((await recordPersonView({ actor, personId: person.id, input: { reasonCode: "support_call" } }).catch((e) => e)).code).toBe("FORBIDDEN");
    const support = await createStaff(t.database.prisma, "SUPPORT");
    expect((await recordPersonView({ actor: support.actor, personId: "no-such-person", input: { reasonCode: "support_call" } }).catch((e) => e)).code).toBe("NOT_FOUND");
  });
});

describe("correctPersonAsStaff", () => {
  it("corrects on the person's behalf with source STAFF and the reason in the person's activity", async () => {
    const { actor } = await createStaff(t.database.prisma, "SUPPORT");
    const person = await createPerson(t.database.prisma);
    await recordPersonView({ actor, personId: person.id, input: { reasonCode: "data_correction" } });
    const result = await correctPersonAsStaff({ actor, personId: person.id, input: { city: "Tampere", phone: "040 765 4321" }, reason: "Customer called about a move" });
    expect(result.changedFields.sort()).toEqual(["city", "phone"]);
    const profile = (await getProfile(person.id))!;
    expect(profile.provenance.city).toMatchObject({ source: "STAFF" });
    const [entry] = (await findPersonActivity(person.id)).entries;
    expect(entry).toMatchObject({ action: "person.updated", actorKind: "STAFF", reason: "Customer called about a move" });
    expect(await t.database.prisma.outboxEvent.count({ where: { personId: person.id, type: "person.updated" } })).toBe(1);
    await sequenceAuditLog(t.database.prisma);
    expect((await verifyAuditChain(t.database.prisma)).intact).toBe(true);
  });

  it("needs a reason and a staff role", async () => {
    const person = await createPerson(t.database.prisma);
    const { actor } = await createStaff(t.database.prisma, "SUPPORT");
    const noReason = await correctPersonAsStaff({ actor, personId: person.id, input: { city: "Oulu" }, reason: " " }).catch((e) => e);
    expect(noReason.options.fields.reason).toBe("reasonRequired");
    const customer = await createStaff(t.database.prisma, "CUSTOMER");
    expect((await correctPersonAsStaff({ actor: customer.actor, personId: person.id, input: { city: "Oulu" }, reason: "Because I can" }).catch((e) => e)).code).toBe("FORBIDDEN");
    expect((await getProfile(person.id))!.fields.city).toBeNull();
  });
});
