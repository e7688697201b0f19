import { getDatabase } from "../db/client";
import { getMigrationStatus } from "../db/migrate";
import { latestHeartbeatAgeSeconds } from "../worker/heartbeat";

export interface Health {
  status: "ok" | "degraded" | "down";
  database: "ok" | "unreachable";
  migrations?: { applied: number; pending: string[]; problem?: string };
  worker?: { heartbeatAgeSeconds: number | null };
}

/** Database reachable, migrations current, worker heartbeat age. Reveals no data. */
export async function getHealth(staleWorkerSeconds = 60): Promise<Health> {
  try {
    const database = await getDatabase();
    const migrations = await getMigrationStatus(database);
    const heartbeatAgeSeconds = await latestHeartbeatAgeSeconds(database.prisma);
    const migrationsCurrent = migrations.pending.length === 0 && !migrations.problem;
    const workerAlive = heartbeatAgeSeconds !== null && heartbeatAgeSeconds <= staleWorkerSeconds;
    return {
      status: migrationsCurrent ? (workerAlive ? "ok" : "degraded") : "down",
      database: "ok",
      migrations,
      worker: { heartbeatAgeSeconds },
    };
  } catch {
    return { status: "down", database: "unreachable" };
  }
}
