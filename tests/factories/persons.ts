// Test data with unique identifiers, so test files can share nothing and run in parallel.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";

export const uniqueEmail = (label = "person") => `${label}-${randomUUID()}@example.test`;

export async function createPerson(
  prisma: PrismaClient,
  fields: { email?: string | null; givenName?: string; emailVerifiedAt?: Date | null } = {},
  externalIds: { system: string; externalId: string }[] = [],
) {
  return prisma.person.create({
    data: {
      email: fields.email === undefined ? uniqueEmail() : fields.email,
      givenName: fields.givenName ?? "Testi",
      emailVerifiedAt: fields.emailVerifiedAt ?? null,
      externalIds: { create: externalIds },
    },
  });
}
