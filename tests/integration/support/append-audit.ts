// Child process for the audit tests: appends <count> audit entries, as actor <actorId>, to the
// PostgreSQL database at <url> through runChange. It connects, prints "ready", and starts when
// a line arrives on stdin (or stdin closes), so that the parent can start several of them at the same moment.
// Usage: tsx tests/integration/support/append-audit.ts <url> <count> [actorId]
import { once } from "node:events";
import { createInterface } from "node:readline";
import { openDatabase } from "../../../lib/db/connection";
import { runChange } from "../../../lib/changes/run-change";

const [url, countArg, actorId = `process-${process.pid}`] = process.argv.slice(2);
if (!url || !countArg) {
  console.error("usage: append-audit.ts <url> <count> [actorId]");
  process.exit(2);
}
const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
try {
  await database.prisma.auditEntry.count(); // connected and warm
  const input = createInterface({ input: process.stdin });
  process.stdout.write("ready\n");
  await Promise.race([once(input, "line"), once(input, "close")]);
  input.close();
  await Promise.all(
    Array.from({ length: Number(countArg) }, (_, i) =>
      runChange(
        { kind: "SYSTEM", id: actorId },
        async () => ({ result: undefined, audit: { action: "test.appended", target: `${actorId}:${i}`, details: { i } } }),
        { prisma: database.prisma },
      ),
    ),
  );
} finally {
  await database.close();
}
