// Demo data for a fresh start: a few persons, organisations they act for, and an admin.
// Seeds only an empty database.
import type { PrismaClient } from "../lib/db/generated/client";
import { runChange } from "../lib/changes/run-change";
import { seedDemoConsents } from "./seed-consents";
import type { Tx } from "../lib/db/types";

interface DemoPerson {
  email: string;
  givenName: string;
  familyName: string;
  phone?: string;
  preferredLanguage: "fi" | "sv" | "en";
  streetAddress?: string;
  postalCode?: string;
  city?: string;
  memberships?: { businessId: string; role: string }[];
  externalIds?: { system: string; externalId: string }[];
  role?: "SUPPORT" | "PRIVACY_OFFICER" | "ADMIN";
}

const organisations = [
  { name: "Esimerkki Oy", businessId: "1234567-1" },
  { name: "Pohjolan Puu Ab", businessId: "2345678-0" },
  { name: "Kahvila Kulma Tmi", businessId: "2736512-2" },
];

export const demoPersons: DemoPerson[] = [
  {
    email: "admin@example.com", givenName: "Aino", familyName: "Admin", preferredLanguage: "fi", role: "ADMIN",
  },
  {
    email: "maija.meikalainen@example.com", givenName: "Maija", familyName: "Meikäläinen", phone: "+358401234567",
    preferredLanguage: "fi", streetAddress: "Mannerheimintie 1 A 2", postalCode: "00100", city: "Helsinki",
    memberships: [{ businessId: "1234567-1", role: "Ostopäällikkö" }],
    externalIds: [{ system: "crm", externalId: "CRM-1001" }, { system: "webshop", externalId: "WS-77812" }],
  },
  {
    email: "matti.virtanen@example.com", givenName: "Matti", familyName: "Virtanen", phone: "+358501112223",
    preferredLanguage: "fi", streetAddress: "Hämeenkatu 10", postalCode: "33100", city: "Tampere",
    externalIds: [{ system: "crm", externalId: "CRM-1002" }],
  },
  {
    email: "anna.lindqvist@example.com", givenName: "Anna", familyName: "Lindqvist", preferredLanguage: "sv",
    streetAddress: "Strandgatan 5", postalCode: "65100", city: "Vasa",
    memberships: [{ businessId: "2345678-0", role: "VD" }],
    externalIds: [{ system: "marketing", externalId: "MA-5521" }],
  },
  {
    email: "liisa.korhonen@example.com", givenName: "Liisa", familyName: "Korhonen", preferredLanguage: "en",
    memberships: [{ businessId: "1234567-1", role: "Controller" }, { businessId: "2736512-2", role: "Owner" }],
  },
  {
    email: "pekka.support@example.com", givenName: "Pekka", familyName: "Tuki", preferredLanguage: "fi", role: "SUPPORT",
  },
  {
    email: "sanna.privacy@example.com", givenName: "Sanna", familyName: "Tietosuoja", preferredLanguage: "fi", role: "PRIVACY_OFFICER",
  },
];

const products = ["Hiking boots", "Rain jacket", "Wool socks", "Service: ski binding check", "Thermos 1 l", "Headlamp", "Backpack 30 l"];

/** Where the demo values came from (a CRM import, the web shop) and some purchase history. */
async function seedProvenanceAndHistory(tx: Tx, personId: string, p: DemoPerson, now: Date) {
  const given = (["email", "givenName", "familyName", "phone", "preferredLanguage", "streetAddress", "postalCode", "city"] as const).filter((f) => p[f]);
  const fromShop = p.externalIds?.some((e) => e.system === "webshop");
  await tx.personFieldChange.createMany({
    data: given.map((field, i) => ({
      personId,
      field,
      source: fromShop && field === "phone" ? ("SYSTEM" as const) : ("IMPORT" as const),
      system: fromShop && field === "phone" ? "webshop" : "crm",
      changedAt: new Date(now.getTime() - (90 - i) * 24 * 3600 * 1000),
    })),
  });
  const count = p.externalIds?.length ? (fromShop ? 14 : 3) : 0;
  await tx.interaction.createMany({
    data: Array.from({ length: count }, (_, i) => {
      const service = products[i % products.length]!.startsWith("Service");
      return {
        personId,
        system: fromShop ? "webshop" : (p.externalIds![0]!.system),
        externalId: `${personId.slice(-8)}-${i + 1}`,
        kind: service ? ("SERVICE" as const) : ("PURCHASE" as const),
        occurredAt: new Date(now.getTime() - (i * 9 + 2) * 24 * 3600 * 1000),
        summary: products[i % products.length]!,
        amountMinor: 1990 + i * 1250,
        currency: "EUR",
      };
    }),
  });
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  const [persons, users, organisationsCount] = await Promise.all([prisma.person.count(), prisma.user.count(), prisma.organization.count()]);
  return persons + users + organisationsCount === 0;
}

/** Seeds the demo data; returns false (and writes nothing) when the database is not empty. */
export async function seedDemoData(prisma: PrismaClient): Promise<boolean> {
  if (!(await isDatabaseEmpty(prisma))) return false;
  await runChange(
    { kind: "SYSTEM", id: "demo-seed" },
    async (tx, now) => {
      const orgIds = new Map<string, string>();
      for (const org of organisations) {
        const created = await tx.organization.create({ data: org, select: { id: true } });
        orgIds.set(org.businessId, created.id);
      }
      for (const p of demoPersons) {
        const { memberships = [], externalIds = [], role, ...fields } = p;
        const person = await tx.person.create({ data: { ...fields, emailVerifiedAt: now }, select: { id: true } });
        for (const m of memberships) {
          await tx.membership.create({ data: { personId: person.id, organizationId: orgIds.get(m.businessId)!, role: m.role } });
        }
        for (const e of externalIds) await tx.externalIdentity.create({ data: { personId: person.id, ...e } });
        await seedProvenanceAndHistory(tx, person.id, p, now);
        if (role) await tx.user.create({ data: { email: p.email, emailVerified: now, role, personId: person.id } });
      }
      const consents = await seedDemoConsents(tx, { kind: "SYSTEM", id: "demo-seed" }, now);
      return {
        result: undefined,
        audit: [{ action: "system.demo_data_seeded", details: { persons: demoPersons.length, organisations: organisations.length } }, ...consents.audit],
        events: consents.events,
      };
    },
    { prisma },
  );
  return true;
}
