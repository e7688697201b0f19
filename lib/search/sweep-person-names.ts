import type { PrismaClient } from "../db/generated/client";
import type { RecurringJob } from "../queue/recurring-job";

/**
 * Keeps the search's list of names (PersonName) to the names persons hold: removes copies (two
 * transactions adding the same new name at once), names no one who is not erased holds any more
 * (a correction, a merge or an erasure took the last one), and adds any name missing (one added
 * while a sweep was removing it as unused). Answers how many rows it removed and added.
 */
export async function sweepPersonNames(prisma: PrismaClient): Promise<{ removed: number; added: number }> {
  const [removedCopies, removedUnused, added] = await prisma.$transaction([
    prisma.$executeRaw`DELETE FROM "PersonName" a USING "PersonName" b WHERE a."name" = b."name" AND a."id" > b."id"`,
    prisma.$executeRaw`
      DELETE FROM "PersonName" n
      WHERE NOT EXISTS (SELECT 1 FROM "Person" p WHERE p."familyName" = n."name" AND p."erasedAt" IS NULL)
        AND NOT EXISTS (SELECT 1 FROM "Person" p WHERE p."givenName" = n."name" AND p."erasedAt" IS NULL)`,
    prisma.$executeRaw`
      INSERT INTO "PersonName" ("name")
      SELECT n FROM (
        SELECT "givenName" AS n FROM "Person" WHERE "erasedAt" IS NULL
        UNION SELECT "familyName" FROM "Person" WHERE "erasedAt" IS NULL
      ) AS held
      WHERE n IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "PersonName" k WHERE k."name" = held.n)`,
  ]);
  return { removed: removedCopies + removedUnused, added };
}

/** Every ten minutes, a self-scheduling queue job: an erased person's name leaves the list within it. */
export const sweepPersonNamesJob: RecurringJob = {
  kind: "search.person-names-sweep",
  everyMs: 10 * 60 * 1000,
  run: async (prisma) => {
    await sweepPersonNames(prisma);
    return false;
  },
};
