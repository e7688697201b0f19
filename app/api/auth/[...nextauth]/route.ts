// GET|POST /api/auth/* — Auth.js: magic-link callback, session, sign-out.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";

export const GET = handlers.GET;

export function POST(request: NextRequest) {
  // Links are requested only through the sign-in form, which applies the rate limits.
  if (request.nextUrl.pathname.startsWith("/api/auth/signin")) return new Response(null, { status: 404 });
  return handlers.POST(request);
}
