import { createHmac } from "node:crypto";
import { getConfig } from "../config";
import { db } from "../db/client";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { clientNetwork } from "./client-network";

export type SignInLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A ceiling for an address from all networks together, far above one network's share. */
export const GLOBAL_PER_EMAIL_FACTOR = 10;
const STRIKE_MEMORY_MS = 24 * 60 * 60 * 1000;
const MAX_BLOCK_SECONDS = 24 * 60 * 60;

/**
 * Sign-in link limits. An address is counted per client network (IPv4 /24, IPv6 /56), so a
 * burst from one network cannot lock the person out from their own; each burst from the same
 * network blocks it for twice as long as the one before (no captcha needed), forgotten a day
 * after the last block ends. A much higher ceiling per address holds across all networks, and
 * the per-IP limit stays.
 */
export async function checkSignInLimits({ email, ip, now = new Date() }: { email: string; ip: string | null; now?: Date }): Promise<SignInLimitResult> {
  const config = getConfig();
  const keyed = (value: string) => createHmac("sha256", config.AUTH_SECRET!).update(value).digest("hex").slice(0, 32);
  const window = config.SIGNIN_LIMIT_WINDOW_SECONDS;
  const pair = keyed(`${email}|${clientNetwork(ip)}`);
  const backoffKey = `signin:backoff:${pair}`;
  const prisma = await db();

  const backoff = await prisma.rateLimit.findUnique({ where: { key: backoffKey } });
  if (backoff && backoff.windowStart > now) return refused(backoff.windowStart, now);

  const perNetwork = await consumeRateLimit({ key: `signin:email-net:${pair}`, limit: config.SIGNIN_LIMIT_PER_EMAIL, windowSeconds: window }, now);
  if (!perNetwork.allowed) {
    // Here windowStart holds "blocked until" and count the bursts remembered.
    const forgetBefore = new Date(now.getTime() - STRIKE_MEMORY_MS);
    const [{ count: strikes }] = await prisma.$queryRaw<[{ count: number }]>`
      INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${backoffKey}, ${now}, 1)
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" <= ${forgetBefore} THEN 1 ELSE "RateLimit"."count" + 1 END
      RETURNING "count"`;
    const blockSeconds = Math.min(MAX_BLOCK_SECONDS, window * 2 ** Math.min(strikes - 1, 10));
    const until = new Date(now.getTime() + blockSeconds * 1000);
    await prisma.rateLimit.update({ where: { key: backoffKey }, data: { windowStart: until } });
    return refused(until, now);
  }

  const rules = [
    { key: `signin:email:${keyed(email)}`, limit: config.SIGNIN_LIMIT_PER_EMAIL * GLOBAL_PER_EMAIL_FACTOR, windowSeconds: window },
    ...(ip ? [{ key: `signin:ip:${keyed(ip)}`, limit: config.SIGNIN_LIMIT_PER_IP, windowSeconds: window }] : []),
  ];
  for (const rule of rules) {
    const result = await consumeRateLimit(rule, now);
    if (!result.allowed) return { allowed: false, retryAfterSeconds: result.retryAfterSeconds };
  }
  return { allowed: true };
}

function refused(until: Date, now: Date): SignInLimitResult {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) };
}
