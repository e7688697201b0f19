// Helpers for the browser tests, reachable only with TEST_HOOKS=true and only from loopback.
// The sign-in flow itself is always tested through the real emailed link.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { createUserForEmail } from "../auth/create-user-for-email";
import type { Actor } from "../audit/actor";
import { createPurpose } from "../consents/create-purpose";
import { createPurposeVersion } from "../consents/create-purpose-version";
import { mintUnsubscribeToken } from "../consents/mint-unsubscribe-token";
import { publishPurposeVersion } from "../consents/publish-purpose-version";
import { db } from "../db/client";

export const testHookSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("create-session"), email: z.email() }),
  z.object({ action: z.literal("expire-sign-in-links"), email: z.email() }),
  z.object({ action: z.literal("age-sessions"), email: z.email(), minutes: z.number().int().positive() }),
  z.object({ action: z.literal("mint-unsubscribe-token"), email: z.email(), purposeKey: z.string(), expiresInSeconds: z.number().int() }),
  z.object({ action: z.literal("consent-trail"), email: z.email() }),
  z.object({ action: z.literal("publish-purpose"), key: z.string(), title: z.string(), material: z.boolean() }),
]);

export type TestHook = z.infer<typeof testHookSchema>;

const system: Actor = { kind: "SYSTEM", id: "test-hooks" };
const texts = (title: string) => ({
  fi: { title, description: `${title} (fi)` },
  sv: { title, description: `${title} (sv)` },
  en: { title, description: `${title} (en)` },
});

export async function runTestHook(hook: TestHook): Promise<Record<string, unknown>> {
  const prisma = await db();
  if (hook.action === "publish-purpose") {
    // A purpose of the test's own, so publishing a material change touches no other test.
    const existing = await prisma.purpose.findUnique({ where: { key: hook.key }, select: { id: true } });
    if (!existing) await createPurpose({ actor: system, input: { key: hook.key, channel: "EMAIL", legalBasis: "CONSENT", texts: texts(hook.title) } });
    else await createPurposeVersion({ actor: system, input: { purposeKey: hook.key, texts: texts(hook.title) } });
    const draft = await prisma.purposeVersion.findFirstOrThrow({ where: { purpose: { key: hook.key }, publishedAt: null }, orderBy: { version: "desc" } });
    await publishPurposeVersion({ actor: system, input: { purposeKey: hook.key, version: draft.version, material: hook.material } });
    return { version: draft.version };
  }
  const email = hook.email.toLowerCase();
  if (hook.action === "mint-unsubscribe-token") {
    const person = await prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const expiresAt = new Date(Date.now() + hook.expiresInSeconds * 1000);
    return { token: await mintUnsubscribeToken({ personId: person.id, purposeKey: hook.purposeKey, expiresAt }, new Date(Math.min(Date.now(), expiresAt.getTime() - 1000))) };
  }
  if (hook.action === "consent-trail") {
    const person = await prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const outbox = await prisma.outboxEvent.findMany({ where: { personId: person.id, type: "consent.updated" }, orderBy: { sequence: "asc" }, select: { sequence: true, payload: true } });
    const audit = await prisma.auditEntry.findMany({ where: { personId: person.id, action: { startsWith: "consent." } }, orderBy: { seq: "asc" }, select: { action: true } });
    return { outbox: outbox.map((e) => ({ sequence: e.sequence, data: (e.payload as { data: unknown }).data })), audit: audit.map((a) => a.action) };
  }
  if (hook.action === "expire-sign-in-links") {
    const { count } = await prisma.verificationToken.updateMany({ where: { identifier: email }, data: { expires: new Date(Date.now() - 1000) } });
    return { expired: count };
  }
  if (hook.action === "age-sessions") {
    const sessions = await prisma.session.findMany({ where: { user: { email } }, select: { id: true, createdAt: true } });
    for (const s of sessions) {
      await prisma.session.update({ where: { id: s.id }, data: { createdAt: new Date(s.createdAt.getTime() - hook.minutes * 60_000) } });
    }
    return { aged: sessions.length };
  }
  const user = (await prisma.user.findUnique({ where: { email } })) ?? (await createUserForEmail({ email, emailVerified: new Date() }, [], prisma));
  const sessionToken = randomBytes(32).toString("hex");
  await prisma.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 60 * 60 * 1000) } });
  return { sessionToken, userId: user.id };
}
