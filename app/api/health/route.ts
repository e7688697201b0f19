// GET /api/health — database reachable, migrations current, worker heartbeat age.
import { getHealth } from "@/lib/runtime/get-health";

export async function GET() {
  const health = await getHealth();
  return Response.json(health, { status: health.status === "down" ? 503 : 200, headers: { "cache-control": "no-store" } });
}
