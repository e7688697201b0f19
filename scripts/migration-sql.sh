#!/usr/bin/env bash
# Prints the PostgreSQL DDL that takes the schema at a git revision (default HEAD) to the
# working prisma/schema.prisma, for a new prisma/migrations/<timestamp>_<name>/migration.sql.
# Prisma 7's `migrate diff` needs the native schema engine; Prisma 6.19's WASM engine diffs
# two datamodels offline, so it is installed once into a scratch folder outside the repo.
# Usage: scripts/migration-sql.sh [REV | --from-empty]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${MIGRATION_SCRATCH_DIR:-${TMPDIR:-/tmp}/omadata-migration-diff}
mkdir -p "$scratch"
if [ ! -x "$scratch/node_modules/.bin/prisma" ]; then
  (cd "$scratch" && echo '{"private":true,"allowScripts":{"better-sqlite3":true}}' > package.json &&
    npm install --silent prisma@6.19 @prisma/adapter-better-sqlite3@6.19 >&2)
  cat > "$scratch/prisma.config.ts" <<'TS'
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
export default defineConfig({ experimental: { adapter: true }, engine: "js", adapter: async () => new PrismaBetterSQLite3({ url: ":memory:" }) } as never);
TS
fi
touch "$scratch/no-engine.so.node"
as_v6() { sed -e '/^generator client {/,/^}/d' -e 's/^datasource db {/datasource db {\n  url = env("DATABASE_URL")/'; }
if [ "${1:-HEAD}" = "--from-empty" ]; then
  printf 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n' > "$scratch/old.prisma"
else
  git -C "$root" show "${1:-HEAD}:prisma/schema.prisma" | as_v6 > "$scratch/old.prisma"
fi
as_v6 < "$root/prisma/schema.prisma" > "$scratch/new.prisma"
cd "$scratch"
DATABASE_URL=postgresql://x@localhost/x PRISMA_QUERY_ENGINE_LIBRARY="$scratch/no-engine.so.node" \
  PRISMA_SCHEMA_ENGINE_BINARY="$(command -v node)" PRISMA_HIDE_UPDATE_MESSAGE=1 \
  npx --no-install prisma migrate diff --from-schema-datamodel old.prisma --to-schema-datamodel new.prisma --script 2>/dev/null
