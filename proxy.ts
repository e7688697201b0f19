import { NextResponse, type NextRequest } from "next/server";
import { brandImageOrigins } from "./lib/brand/logo-origin";

// Security headers on every response; a fresh nonce per request for the scripts Next.js renders
// (it reads the nonce from the request's Content-Security-Policy header).
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes and email previews need inline styles; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    // A configured external logo or favicon (BRAND_LOGO_URL, BRAND_FAVICON_URL) are the only images from elsewhere.
    ["img-src 'self' blob: data:", ...brandImageOrigins()].join(" "),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  let response: NextResponse;
  if (isCrossOriginAction(request)) {
    response = new NextResponse("Cross-origin request refused.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  // Links in emails carry tokens in their query: never pass them on in a Referer.
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  // scripts/server.ts sets X-Forwarded-Proto from the socket (TLS or not), or from a trusted proxy
  // (TRUST_PROXY); a client's own value never gets this far. Serve through it (`npm start`, `npm run serve`),
  // not bare `next start`, which would pass a client's value on.
  if (request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

/**
 * A POST that Next.js would take for a server action (a `Next-Action` header, or a no-JavaScript
 * multipart form) from another origin: a cross-site request forgery. Next.js refuses it too, but
 * with a 500; this answers 403 first. Same rule as Next.js: the Origin's host must be the
 * X-Forwarded-Host (scripts/server.ts keeps only a trusted proxy's) or else the Host. A request
 * without Origin passes, as in Next.js: browsers always send one with a POST. next.config.ts sets
 * no `serverActions.allowedOrigins`; one set there would have to be allowed here as well.
 */
function isCrossOriginAction(request: NextRequest): boolean {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return false;
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  if (!request.headers.has("next-action") && !multipart) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  return !host || hostOf(origin) !== host;
}

/** The host of an Origin header; null for `null` (sandboxed/opaque origins) and garbage. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export const config = {
  // Not the Imports API's upload: Next.js buffers a body the proxy sees and cuts it at 10 MB, and a
  // CSV export is bigger. Its JSON answers need no page headers; its size limit is its own.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/v1/imports$).*)" }],
};
