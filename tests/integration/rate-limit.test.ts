import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { setupTestDatabase, type TestDatabase } from "../support/test-database";

const rule = (limit: number, windowSeconds = 60) => ({ key: `test:${randomUUID()}`, limit, windowSeconds });
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

describe("consumeRateLimit", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await setupTestDatabase();
  });
  afterAll(async () => t.drop());

  it("allows the limit, then refuses with the time until the window ends", async () => {
    const r = rule(3);
    const start = new Date("2026-11-26T10:00:00.000Z");
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await consumeRateLimit(r, at(start, i)));
    expect(results.map((x) => [x.allowed, x.remaining])).toEqual([[true, 2], [true, 1], [true, 0]]);

    const refused = await consumeRateLimit(r, at(start, 10));
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 50 });
    const stillRefused = await consumeRateLimit(r, at(start, 59.5));
    expect(stillRefused.allowed).toBe(false);
    expect(stillRefused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("starts a new window once the old one has passed", async () => {
    const r = rule(2);
    const start = new Date("2026-11-26T11:00:00.000Z");
    await consumeRateLimit(r, start);
    await consumeRateLimit(r, start);
    expect((await consumeRateLimit(r, at(start, 30))).allowed).toBe(false);

    const next = await consumeRateLimit(r, at(start, 60));
    expect(next).toMatchObject({ allowed: true, remaining: 1 });
    expect((await consumeRateLimit(r, at(start, 61))).allowed).toBe(true);
    expect(await consumeRateLimit(r, at(start, 62))).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 58 });
  });

  it("counts each key on its own", async () => {
    const a = rule(1);
    const b = rule(1);
    const now = new Date("2026-11-26T12:00:00.000Z");
    expect((await consumeRateLimit(a, now)).allowed).toBe(true);
    expect((await consumeRateLimit(a, now)).allowed).toBe(false);
    expect((await consumeRateLimit(b, now)).allowed).toBe(true);
  });

  it("allows exactly the limit to 20 concurrent callers", async () => {
    const r = rule(5);
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(r, now)));
    expect(results.filter((x) => x.allowed)).toHaveLength(5);
    expect(results.filter((x) => !x.allowed).every((x) => x.retryAfterSeconds > 0 && x.remaining === 0)).toBe(true);
    expect((await t.database.prisma.rateLimit.findUniqueOrThrow({ where: { key: r.key } })).count).toBe(20);
  });
});
