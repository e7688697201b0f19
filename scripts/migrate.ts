// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or the embedded database.
import { closeDatabase, getDatabase } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { loadConfigOrExit } from "./load-config";

const config = loadConfigOrExit();
try {
  const { applied } = await migrate(await getDatabase());
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  console.log(`Storage: ${config.storage}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
