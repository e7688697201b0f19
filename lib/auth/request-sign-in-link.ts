import { createHmac } from "node:crypto";
import { getConfig } from "../config";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { signIn } from "./auth";
import { signInRequestSchema } from "./schemas";

export type SignInRequestResult = { status: "sent" } | { status: "invalid" } | { status: "rate_limited"; retryAfterSeconds: number } | { status: "failed" };

/**
 * Sends a sign-in link. The answer is the same whether or not the address is known (no
 * account enumeration); attempts are limited per address and per client IP.
 */
export async function requestSignInLink(input: unknown, ip: string | null): Promise<SignInRequestResult> {
  const parsed = signInRequestSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const { email, callbackUrl } = parsed.data;
  const config = getConfig();
  const keyed = (value: string) => createHmac("sha256", config.AUTH_SECRET!).update(value).digest("hex").slice(0, 32);
  const window = config.SIGNIN_LIMIT_WINDOW_SECONDS;
  const checks = [
    { key: `signin:email:${keyed(email)}`, limit: config.SIGNIN_LIMIT_PER_EMAIL, windowSeconds: window },
    ...(ip ? [{ key: `signin:ip:${keyed(ip)}`, limit: config.SIGNIN_LIMIT_PER_IP, windowSeconds: window }] : []),
  ];
  for (const rule of checks) {
    const result = await consumeRateLimit(rule);
    if (!result.allowed) return { status: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  }
  const location = await signIn("nodemailer", { email, redirect: false, redirectTo: callbackUrl ?? "/" });
  if (typeof location === "string" && /[?&]error=/.test(location)) return { status: "failed" };
  return { status: "sent" };
}
