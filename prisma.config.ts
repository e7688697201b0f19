import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI is used only to generate the client; migrations are applied by lib/db/migrate.ts.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
