import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSignInLimits, GLOBAL_PER_EMAIL_FACTOR } from "@/lib/auth/check-sign-in-limits";
import { getConfig } from "@/lib/config";
import { uniqueEmail } from "../../factories/persons";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

describe("sign-in link limits", () => {
  let t: TestDatabase;
  let limit: number;
  let window: number;
  beforeAll(async () => {
    t = await setupTestDatabase();
    limit = getConfig().SIGNIN_LIMIT_PER_EMAIL;
    window = getConfig().SIGNIN_LIMIT_WINDOW_SECONDS;
  });
  afterAll(async () => t.drop());

  const burst = async (email: string, ip: string, now: Date) => {
    for (let i = 0; i < limit; i += 1) expect(await checkSignInLimits({ email, ip, now })).toEqual({ allowed: true });
  };

  it("limits one network without locking the address out from another", async () => {
    const email = uniqueEmail("target");
    const now = new Date("2026-11-30T10:00:00.000Z");
    await burst(email, "203.0.113.5", now);
    expect(await checkSignInLimits({ email, ip: "203.0.113.5", now })).toEqual({ allowed: false, retryAfterSeconds: window });
    // The same /24 is the same network.
    expect((await checkSignInLimits({ email, ip: "203.0.113.200", now })).allowed).toBe(false);
    expect(await checkSignInLimits({ email, ip: "198.51.100.9", now })).toEqual({ allowed: true });

    await burst(email, "2001:db8:1:200::1", now);
    expect((await checkSignInLimits({ email, ip: "2001:db8:1:2ff::9", now })).allowed).toBe(false); // same /56
    expect(await checkSignInLimits({ email, ip: "2001:db8:1:300::1", now })).toEqual({ allowed: true });
  });

  it("blocks each further burst from the same network for twice as long", async () => {
    const email = uniqueEmail("backoff");
    const ip = "192.0.2.10";
    const start = new Date("2026-11-30T11:00:00.000Z");
    await burst(email, ip, start);
    expect(await checkSignInLimits({ email, ip, now: start })).toEqual({ allowed: false, retryAfterSeconds: window });
    expect(await checkSignInLimits({ email, ip, now: at(start, window - 60) })).toEqual({ allowed: false, retryAfterSeconds: 60 });

    const second = at(start, window);
    await burst(email, ip, second);
    expect(await checkSignInLimits({ email, ip, now: second })).toEqual({ allowed: false, retryAfterSeconds: 2 * window });
    expect((await checkSignInLimits({ email, ip, now: at(second, 2 * window - 1) })).allowed).toBe(false);

    const third = at(second, 2 * window);
    await burst(email, ip, third);
    expect(await checkSignInLimits({ email, ip, now: third })).toEqual({ allowed: false, retryAfterSeconds: 4 * window });

    // A day after the last block ended, the bursts are forgotten.
    const later = at(third, 4 * window + 24 * 3600);
    await burst(email, ip, later);
    expect(await checkSignInLimits({ email, ip, now: later })).toEqual({ allowed: false, retryAfterSeconds: window });
  });

  it("keeps a much higher ceiling for the address across all networks", async () => {
    const email = uniqueEmail("ceiling");
    const now = new Date("2026-11-30T12:00:00.000Z");
    const ceiling = limit * GLOBAL_PER_EMAIL_FACTOR;
    for (let i = 0; i < ceiling; i += 1) expect((await checkSignInLimits({ email, ip: `10.0.${i}.1`, now })).allowed).toBe(true);
    expect((await checkSignInLimits({ email, ip: "10.1.0.1", now })).allowed).toBe(false);
    expect((await checkSignInLimits({ email: uniqueEmail("other"), ip: "10.1.0.1", now })).allowed).toBe(true);
  });
});
