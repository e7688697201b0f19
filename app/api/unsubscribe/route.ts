// POST /api/unsubscribe?token=…[&purpose=…] — one-click unsubscribe (RFC 8058) without signing in. Mail
// clients POST `List-Unsubscribe=One-Click`; the confirmation page's button posts the same.
import { getConfig } from "@/lib/config";
import { unsubscribeWithToken } from "@/lib/consents/unsubscribe-with-token";
import { isAppError } from "@/lib/errors";

export async function POST(request: Request) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const form = await request.formData().catch(() => null);
  const oneClick = form?.get("List-Unsubscribe") === "One-Click";
  try {
    // A link may name its purpose (…&purpose=newsletter): it must be the token's own.
    const purposeKey = url.searchParams.get("purpose") ?? undefined;
    await unsubscribeWithToken(token, { purposeKey, userAgent: request.headers.get("user-agent") ?? undefined });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (oneClick) return new Response(null, { status: error.status });
    return Response.redirect(`${getConfig().APP_URL}/unsubscribe?token=${encodeURIComponent(token)}&result=error`, 303);
  }
  if (oneClick) return new Response(null, { status: 200 });
  return Response.redirect(`${getConfig().APP_URL}/unsubscribe?token=${encodeURIComponent(token)}&result=done`, 303);
}
