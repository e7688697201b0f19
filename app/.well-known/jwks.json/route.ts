// GET /.well-known/jwks.json — the public keys that verify consent receipts and audit checkpoints.
import { getPublishedJwks } from "@/lib/audit/get-published-jwks";

export async function GET() {
  return Response.json(await getPublishedJwks(), { headers: { "cache-control": "public, max-age=300" } });
}
