// GET /.well-known/gpc.json — we honour Global Privacy Control (GPC specification, section 3.4).
export function GET() {
  return Response.json({ gpc: true, lastUpdate: "2026-11-26" }, { headers: { "cache-control": "public, max-age=86400" } });
}
