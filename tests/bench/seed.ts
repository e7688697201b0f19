import type { Database } from "@/lib/db/connection";

/**
 * Bulk SQL seeding: `count` persons, and consent states for the purposes (about 60 % granted
 * the first, 30 % the second, 10 % objecting to the third), so the checks read real rows.
 */
export async function seedBenchData(database: Database, count: number, purposeKeys: string[]): Promise<void> {
  await database.withConnection(async (sql) => {
    await sql.query(
      `INSERT INTO "Person" ("id", "email", "givenName", "createdAt", "updatedAt")
       SELECT 'bench-' || lpad(n::text, 7, '0'), 'bench-' || n || '@example.test', 'Bench', now(), now() FROM generate_series(1, $1::int) AS n`,
      [count],
    );
    const purposes = await sql.query<{ id: string; key: string; versionId: string }>(
      `SELECT p."id", p."key", v."id" AS "versionId" FROM "Purpose" p JOIN "PurposeVersion" v ON v."purposeId" = p."id" AND v."version" = 1 WHERE p."key" = ANY($1)`,
      [purposeKeys],
    );
    const shares = [[0.6, "GRANTED"], [0.3, "GRANTED"], [0.1, "WITHDRAWN"]] as const;
    for (const [i, key] of purposeKeys.entries()) {
      const purpose = purposes.find((p) => p.key === key)!;
      const [share, status] = shares[i] ?? [0.5, "GRANTED"];
      await sql.query(
        `INSERT INTO "ConsentState" ("id", "personId", "purposeId", "purposeVersionId", "version", "status", "source", "lastEventId", "updatedAt")
         SELECT 'bench-s-' || $1 || '-' || n, 'bench-' || lpad(n::text, 7, '0'), $2, $3, 1, $4::"ConsentStatus", 'IMPORT', 'bench', now()
         FROM generate_series(1, $5::int) AS n WHERE (n * 7919 + $6::int) % 100 < $7::int`,
        [i, purpose.id, purpose.versionId, status, count, i * 31, Math.round(share * 100)],
      );
    }
    await sql.exec(`ANALYZE "Person"; ANALYZE "ConsentState";`);
  });
}

/** A person id of the seeded range. */
export const benchPersonId = (n: number) => `bench-${String(n).padStart(7, "0")}`;
