import { AppError } from "../errors";
import { requestSignInLink } from "./request-sign-in-link";

/** What a sensitive step (email change, passkey, erasure) throws when the sign-in is older than it allows. */
export const reauthRequiredError = () => new AppError("REAUTH_REQUIRED", "sign-in too old", { userMessage: "reauthRequired" });

/**
 * A fresh sign-in link to the signed-in person's own address that brings them back to
 * `callbackUrl`, for a sensitive step that needs a recent sign-in. Refusals are form messages:
 * "rateLimited" (the sign-in limits apply) or "failed".
 */
export async function sendReauthLink({ email, callbackUrl, ip }: { email: string; callbackUrl: string; ip: string | null }): Promise<{ sent: true }> {
  const result = await requestSignInLink({ email, callbackUrl }, ip);
  if (result.status === "rate_limited") throw new AppError("RATE_LIMITED", "rate limited", { userMessage: "rateLimited" });
  if (result.status !== "sent") throw new AppError("BAD_REQUEST", "link not sent", { userMessage: "failed" });
  return { sent: true };
}
