// GET /consents/receipts/{eventId} — the signed-in person's own consent receipt as a JSON file.
import { getSessionUser } from "@/lib/auth/guards";
import { getConsentReceipt } from "@/lib/consents/get-consent-receipt";
import { isAppError } from "@/lib/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  const user = await getSessionUser();
  if (!user?.personId) return new Response(null, { status: 401 });
  const { eventId } = await params;
  try {
    const { receipt, jws } = await getConsentReceipt(user.personId, eventId);
    return new Response(JSON.stringify({ receipt, jws }, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="consent-receipt-${receipt.consentReceiptID}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(null, { status: 404 });
    throw error;
  }
}
