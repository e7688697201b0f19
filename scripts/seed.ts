// `npm run db:seed`: migrates, then seeds demo data into an empty database (never a non-empty one).
import { seedDemoData } from "../prisma/seed";
import { closeDatabase, getDatabase } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { loadConfigOrExit } from "./load-config";

loadConfigOrExit();
try {
  const database = await getDatabase();
  await migrate(database);
  console.log((await seedDemoData(database.prisma)) ? "Demo data seeded." : "The database is not empty: nothing seeded.");
} finally {
  await closeDatabase();
}
