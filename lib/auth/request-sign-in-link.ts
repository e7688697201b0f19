import { signIn } from "./auth";
import { checkSignInLimits } from "./check-sign-in-limits";
import { signInRequestSchema } from "./schemas";

export type SignInRequestResult = { status: "sent" } | { status: "invalid" } | { status: "rate_limited"; retryAfterSeconds: number } | { status: "failed" };

/**
 * Sends a sign-in link. The answer is the same whether or not the address is known (no
 * account enumeration); attempts are limited per address and client network,
 * with a back-off (see check-sign-in-limits.ts).
 */
export async function requestSignInLink(input: unknown, ip: string | null): Promise<SignInRequestResult> {
  const parsed = signInRequestSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const { email, callbackUrl } = parsed.data;
  const limit = await checkSignInLimits({ email, ip });
  if (!limit.allowed) return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const location = await signIn("nodemailer", { email, redirect: false, redirectTo: callbackUrl ?? "/" });
  if (typeof location === "string" && /[?&]error=/.test(location)) return { status: "failed" };
  return { status: "sent" };
}
