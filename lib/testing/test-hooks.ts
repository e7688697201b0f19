// Helpers for the browser tests, reachable only with TEST_HOOKS=true and only from loopback.
// The sign-in flow itself is always tested through the real emailed link.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { createUserForEmail } from "../auth/create-user-for-email";
import { db } from "../db/client";

export const testHookSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("create-session"), email: z.email() }),
  z.object({ action: z.literal("expire-sign-in-links"), email: z.email() }),
  z.object({ action: z.literal("age-sessions"), email: z.email(), minutes: z.number().int().positive() }),
]);

export type TestHook = z.infer<typeof testHookSchema>;

export async function runTestHook(hook: TestHook): Promise<Record<string, unknown>> {
  const prisma = await db();
  const email = hook.email.toLowerCase();
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
