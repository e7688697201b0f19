// GET /.well-known/jwks.json — the public key that verifies consent receipts.
import { getReceiptSigningJwks } from "@/lib/consents/get-receipt-signing-jwks";

export async function GET() {
  return Response.json(await getReceiptSigningJwks(), { headers: { "cache-control": "public, max-age=300" } });
}
