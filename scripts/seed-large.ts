// `npm run seed:large`: fills the PostgreSQL database named by DATABASE_URL with a register of
// realistic size, so benchmarks and load runs meet the data they would in production:
// 100,000 persons (names, phones, addresses, field provenance), 5,000 organisations with
// memberships, external identities in two systems, 300,000 interactions and 1,000,000 consent
// events with their current states. Bulk SQL into the same tables the domain writes, in one
// transaction (all or nothing), then one audit entry. Runs once: a database that already holds
// the large data is left as it is. `-- --persons=N` changes the size (10 events per person).
import { pathToFileURL } from "node:url";
import { closeDatabase, getDatabase } from "../lib/db/client";
import type { Database } from "../lib/db/connection";
import { runChange } from "../lib/changes/run-change";
import { migrate } from "../lib/db/migrate";
import { hashShownText } from "../lib/consents/hash-shown-text";
import { seedDemoData } from "../prisma/seed";
import { loadConfigOrExit } from "./load-config";

/** The id, email and external ids of large-data person n (1-based): the load run picks them. */
export const largePersonId = (n: number) => `00000000-0000-7000-8000-${n.toString(16).padStart(12, "0")}`;
export const largePersonEmail = (n: number) => `large-${n}@example.test`;
export const largeCrmId = (n: number) => `LCRM-${n}`;

// Surnames as stem + ending (about 2,000 distinct), given names from Finland's common ones, so
// typo-tolerant search meets as many near neighbours as it would in a real register.
const STEMS = ["Virta", "Korho", "Mäki", "Niemi", "Heikki", "Koski", "Järvi", "Lehto", "Saari", "Salmi", "Heino", "Kinnu", "Turu", "Laiti", "Tuomi", "Ranta", "Karja", "Joki", "Mattil", "Savo", "Lahti", "Aho", "Lind", "Nys", "Holm", "Björk", "Sjö", "Berg", "Lund", "Kallio", "Pelto", "Haka", "Kivi", "Harju", "Nurmi", "Vuori", "Hiltu", "Rinne", "Laakso", "Leino", "Manni", "Suomi", "Pihla", "Kuusi", "Koivu", "Haapa", "Pajar", "Kettu", "Susi", "Karhu", "Lumi", "Routa", "Honka", "Peura", "Sorsa", "Kaski", "Palo", "Ylä", "Ala", "Kesk"];
const ENDINGS = ["nen", "la", "lä", "kari", "maa", "vaara", "lahti", "oja", "mäki", "ranta", "niemi", "salo", "aho", "berg", "ström", "qvist", "lund", "holm", "koski", "järvi", "inen", "ala", "tie", "lin", "kangas", "harju", "saari", "suo", "pää", "vuo", "nummi", "korpi", "ketola", "pelto", "sten"];
export const LARGE_FAMILY_NAMES = STEMS.flatMap((stem) => ENDINGS.map((ending) => `${stem}${ending}`));
export const LARGE_GIVEN_NAMES = ["Aino", "Eino", "Helmi", "Väinö", "Sofia", "Leo", "Aada", "Oliver", "Eevi", "Elias", "Matti", "Liisa", "Pekka", "Anna", "Juha", "Maria", "Timo", "Kaisa", "Jari", "Sari", "Mikael", "Johanna", "Erik", "Ida", "Lars", "Elsa", "Anders", "Linnea", "Oskar", "Maja", "Tuula", "Kari", "Pirjo", "Seppo", "Riitta", "Jukka", "Päivi", "Heikki", "Minna", "Antti", "Laura", "Ville", "Emma", "Onni", "Iida", "Eetu", "Venla", "Niilo", "Kerttu", "Toivo"];
const CITIES = [["00100", "Helsinki"], ["02100", "Espoo"], ["33100", "Tampere"], ["20100", "Turku"], ["90100", "Oulu"], ["40100", "Jyväskylä"], ["65100", "Vaasa"], ["15100", "Lahti"], ["70100", "Kuopio"], ["80100", "Joensuu"]];
const ORGANISATIONS = 5000;
const EVENTS_PER_PERSON = 10;

/** A valid Finnish business ID (Y-tunnus) for a 7-digit body, or null where no check digit exists. */
function businessId(body: number): string | null {
  const digits = String(body).padStart(7, "0");
  const sum = [7, 9, 10, 5, 8, 4, 2].reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  const remainder = sum % 11;
  if (remainder === 1) return null;
  return `${digits}-${remainder === 0 ? 0 : 11 - remainder}`;
}

export interface LargeDataSummary {
  seeded: boolean;
  seconds: number;
  counts: Record<string, number>;
}

/** Seeds the large data into a migrated PostgreSQL database, unless it is there already. */
export async function seedLargeData(database: Database, persons = 100_000): Promise<LargeDataSummary> {
  if (database.kind !== "postgres") throw new Error("seed:large needs PostgreSQL: set DATABASE_URL.");
  const started = Date.now();
  await seedDemoData(database.prisma); // the purposes and staff, on an empty database only
  const already = await database.prisma.person.count({ where: { email: { endsWith: "@example.test", startsWith: "large-" } } });
  if (already === 0) {
    const purposes = await database.prisma.purpose.findMany({
      where: { retiredAt: null, currentVersion: { gt: 0 } },
      select: { id: true, key: true, currentVersion: true, versions: { select: { id: true, version: true, texts: true } } },
      orderBy: { sortOrder: "asc" },
    });
    if (purposes.length === 0) throw new Error("seed:large: no published purposes to consent to");
    const current = purposes.map((p) => {
      const version = p.versions.find((v) => v.version === p.currentVersion)!;
      const text = (version.texts as Record<string, { title: string; description: string }>).fi!;
      return { id: p.id, versionId: version.id, version: version.version, textHash: hashShownText({ purposeKey: p.key, version: version.version, locale: "fi", ...text }) };
    });
    const organisations = Array.from({ length: ORGANISATIONS * 2 }, (_, i) => businessId(7_100_000 + i)).filter((id): id is string => id !== null).slice(0, ORGANISATIONS);

    await database.withConnection(async (sql) => {
      await sql.exec("BEGIN");
      try {
        await sql.query(
          `INSERT INTO "Person" ("id", "email", "emailVerifiedAt", "givenName", "familyName", "phone", "preferredLanguage", "birthDate", "streetAddress", "postalCode", "city", "country", "createdAt", "updatedAt")
           SELECT '00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'), 'large-' || n || '@example.test', now() - interval '400 days',
                  ($2::text[])[1 + (n * 13) % array_length($2::text[], 1)], ($3::text[])[1 + (n * 7) % array_length($3::text[], 1)],
                  '+35850' || lpad(n::text, 7, '0'), (ARRAY['fi','fi','fi','sv','en'])[1 + n % 5],
                  date '1950-01-01' + (n * 37 % 18000), 'Testikatu ' || (1 + n % 120),
                  ($4::text[])[1 + n % 10], ($5::text[])[1 + n % 10], 'FI', now() - interval '400 days', now() - interval '1 day' * (n % 400)
           FROM generate_series(1, $1::int) AS n`,
          [persons, LARGE_GIVEN_NAMES, LARGE_FAMILY_NAMES, CITIES.map((c) => c[0]), CITIES.map((c) => c[1])],
        );
        // Where each field came from: the CRM import for contact fields.
        await sql.query(
          `INSERT INTO "PersonFieldChange" ("id", "personId", "field", "source", "system", "changedAt")
           SELECT gen_random_uuid()::text, '00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'), f, 'IMPORT', 'crm', now() - interval '400 days'
           FROM generate_series(1, $1::int) AS n, unnest(ARRAY['email','givenName','familyName','phone']) AS f`,
          [persons],
        );
        await sql.query(
          `INSERT INTO "Organization" ("id", "name", "businessId", "createdAt", "updatedAt")
           SELECT gen_random_uuid()::text, 'Yritys ' || i || ' Oy', b, now(), now() FROM unnest($1::text[]) WITH ORDINALITY AS o(b, i)`,
          [organisations],
        );
        // About a third of the persons act for an organisation, some for two.
        await sql.query(
          `WITH orgs AS (SELECT "id", row_number() OVER (ORDER BY "businessId") AS i FROM "Organization" WHERE "name" LIKE 'Yritys % Oy')
           INSERT INTO "Membership" ("id", "personId", "organizationId", "role", "createdAt")
           SELECT gen_random_uuid()::text, '00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'), orgs."id", (ARRAY['Ostopäällikkö','Toimitusjohtaja','Controller','Myyjä'])[1 + n % 4], now()
           FROM generate_series(1, $1::int) AS n CROSS JOIN generate_series(0, 1) AS k JOIN orgs ON orgs.i = 1 + (n * 7 + k) % $2::int
           WHERE n % 3 = 0 AND (k = 0 OR n % 9 = 0)`,
          [persons, organisations.length],
        );
        await sql.query(
          `INSERT INTO "ExternalIdentity" ("id", "personId", "system", "externalId", "linkedAt")
           SELECT gen_random_uuid()::text, '00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'), s, CASE s WHEN 'crm' THEN 'LCRM-' ELSE 'LWS-' END || n, now() - interval '400 days'
           FROM generate_series(1, $1::int) AS n, unnest(ARRAY['crm','webshop']) AS s WHERE s = 'crm' OR n % 2 = 0`,
          [persons],
        );
        await sql.query(
          `INSERT INTO "Interaction" ("id", "personId", "system", "externalId", "kind", "occurredAt", "summary", "amountMinor", "currency", "createdAt")
           SELECT gen_random_uuid()::text, '00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'), 'webshop', 'LO-' || n || '-' || k,
                  (ARRAY['PURCHASE','PURCHASE','SERVICE'])[1 + (n + k) % 3]::"InteractionKind", now() - interval '1 day' * ((n * 11 + k * 97) % 700),
                  (ARRAY['Kajakki','Melonta-asu','Huolto: kajakki','Retkiteltta','Makuupussi'])[1 + (n + k) % 5], 1000 + (n * 31 + k) % 90000, 'EUR', now()
           FROM generate_series(1, $1::int) AS n, generate_series(1, 3) AS k`,
          [persons],
        );
        // Ten consent events per person: a first answer to each purpose, then a change of mind
        // for some, spread over the last three years; the state is each pair's latest event.
        await sql.query(
          `INSERT INTO "ConsentEvent" ("id", "personId", "purposeId", "purposeVersionId", "status", "source", "actorKind", "occurredAt", "locale", "textHash")
           SELECT gen_random_uuid()::text, '00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'), ($2::text[])[p], ($3::text[])[p],
                  (CASE WHEN ((n * 31 + p * 17) % 100 < 60) = (k < $5::int) THEN 'GRANTED' ELSE 'WITHDRAWN' END)::"ConsentStatus",
                  (ARRAY['IMPORT','PORTAL','API'])[1 + (n + k) % 3]::"ConsentSource", (ARRAY['SYSTEM','PERSON','SYSTEM'])[1 + (n + k) % 3],
                  now() - interval '1095 days' + interval '100 days' * k + interval '1 minute' * (n % 1440), 'fi', ($4::text[])[p]
           FROM generate_series(1, $1::int) AS n, generate_series(0, $6::int - 1) AS k, LATERAL (SELECT 1 + (n + k) % $5::int AS p) AS purpose`,
          [persons, current.map((p) => p.id), current.map((p) => p.versionId), current.map((p) => p.textHash), current.length, EVENTS_PER_PERSON],
        );
        await sql.query(
          `INSERT INTO "ConsentState" ("id", "personId", "purposeId", "purposeVersionId", "version", "status", "source", "lastEventId", "updatedAt")
           SELECT DISTINCT ON (e."personId", e."purposeId") gen_random_uuid()::text, e."personId", e."purposeId", e."purposeVersionId", v."version", e."status", e."source", e."id", e."occurredAt"
           FROM "ConsentEvent" e JOIN "PurposeVersion" v ON v."id" = e."purposeVersionId"
           WHERE e."personId" LIKE '00000000-0000-7000-8000-%'
           ORDER BY e."personId", e."purposeId", e."occurredAt" DESC`,
        );
        await sql.exec("COMMIT");
      } catch (error) {
        await sql.exec("ROLLBACK");
        throw error;
      }
      await sql.exec(`ANALYZE "Person"; ANALYZE "PersonFieldChange"; ANALYZE "Organization"; ANALYZE "Membership"; ANALYZE "ExternalIdentity"; ANALYZE "Interaction"; ANALYZE "ConsentEvent"; ANALYZE "ConsentState";`);
    });
    await runChange({ kind: "SYSTEM", id: "seed-large" }, async () => ({ result: undefined, audit: { action: "system.large_data_seeded", details: { persons, consentEvents: persons * EVENTS_PER_PERSON } } }), { prisma: database.prisma });
  }
  const count = async (table: string) =>
    database.withConnection(async (sql) => Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n));
  const counts: Record<string, number> = {};
  for (const table of ["Person", "Organization", "Membership", "ExternalIdentity", "Interaction", "ConsentEvent", "ConsentState"]) counts[table] = await count(table);
  return { seeded: already === 0, seconds: (Date.now() - started) / 1000, counts };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const config = loadConfigOrExit();
  if (config.storage !== "postgres") {
    console.error("npm run seed:large needs DATABASE_URL (PostgreSQL): the embedded database is for one person's trial, not 100,000.");
    process.exit(78);
  }
  const persons = Number(process.argv.find((a) => a.startsWith("--persons="))?.slice(10) ?? 100_000);
  try {
    const database = await getDatabase();
    await migrate(database);
    const summary = await seedLargeData(database, persons);
    console.log(summary.seeded ? `Large data seeded in ${summary.seconds.toFixed(0)} s.` : "The large data is already there: nothing seeded.");
    for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table}: ${n.toLocaleString("en")}`);
  } finally {
    await closeDatabase();
  }
}
