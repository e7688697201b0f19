import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../support/sequence-audit-log";
import type { PrismaClient } from "@/lib/db/generated/client";
import { migrate } from "@/lib/db/migrate";
import { isValidBusinessId } from "@/lib/organizations/business-id";
import { demoPersons, seedDemoData } from "@/prisma/seed";
import { createPerson } from "../factories/persons";
import { createEmptyDatabase, type TestDatabase } from "../support/test-database";

const counts = async (prisma: PrismaClient) => ({
  persons: await prisma.person.count(),
  users: await prisma.user.count(),
  organizations: await prisma.organization.count(),
  memberships: await prisma.membership.count(),
  audit: await prisma.auditEntry.count(),
});

describe("seedDemoData", () => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const t = await createEmptyDatabase();
    databases.push(t);
    await migrate(t.database);
    return t.database.prisma;
  };
  let seeded: PrismaClient;
  beforeAll(async () => {
    seeded = await fresh();
  });
  afterAll(async () => {
    for (const t of databases) await t.drop();
  });

  it("seeds an empty database with persons, organisations and an admin", async () => {
    expect(await seedDemoData(seeded)).toBe(true);

    expect(await seeded.person.count()).toBe(demoPersons.length);
    expect(demoPersons.length).toBeGreaterThanOrEqual(3);
    const organisations = await seeded.organization.findMany();
    expect(organisations.length).toBeGreaterThan(0);
    for (const org of organisations) expect(isValidBusinessId(org.businessId), org.businessId).toBe(true);
    expect(await seeded.membership.count()).toBeGreaterThan(0);

    const admin = await seeded.user.findUniqueOrThrow({ where: { email: "admin@example.com" }, include: { person: true } });
    expect(admin.role).toBe("ADMIN");
    expect(admin.person?.email).toBe("admin@example.com");

    // The demo consents (tests/integration/consents/seed-consents.test.ts) add their own entries after this one.
    const actions = (await seeded.auditEntry.findMany({ select: { action: true }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions[0]).toBe("system.demo_data_seeded");
    await sequenceAuditLog(seeded);
    expect(await verifyAuditChain(seeded)).toEqual({ intact: true, entries: actions.length });
  });

  it("returns false and writes nothing on a database it already seeded", async () => {
    const before = await counts(seeded);
    expect(await seedDemoData(seeded)).toBe(false);
    expect(await counts(seeded)).toEqual(before);
  });

  it("returns false and writes nothing on a database that holds anyone at all", async () => {
    const prisma = await fresh();
    await createPerson(prisma);
    const before = await counts(prisma);
    expect(await seedDemoData(prisma)).toBe(false);
    expect(await counts(prisma)).toEqual(before);
  });
});
