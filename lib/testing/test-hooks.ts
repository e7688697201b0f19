// Helpers for the browser tests, reachable only with TEST_HOOKS=true and only from loopback.
// The sign-in flow itself is always tested through the real emailed link.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { createUserForEmail } from "../auth/create-user-for-email";
import { db } from "../db/client";

export const testHookSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("create-session"), email: z.email() }),
  z.object({ action: z.literal("expire-sign-in-links"), email: z.email() }),
]);

export type TestHook = z.infer<typeof testHookSchema>;

export async function runTestHook(hook: TestHook): Promise<Record<string, unknown>> {
  const prisma = await db();
  const email = hook.email.toLowerCase();
  if (hook.action === "expire-sign-in-links") {
    const { count } = await prisma.verificationToken.updateMany({ where: { identifier: email }, data: { expires: new Date(Date.now() - 1000) } });
    return { expired: count };
  }
  const user = (await prisma.user.findUnique({ where: { email } })) ?? (await createUserForEmail({ email, emailVerified: new Date() }, [], prisma));
  const sessionToken = randomBytes(32).toString("hex");
  await prisma.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 60 * 60 * 1000) } });
  return { sessionToken, userId: user.id };
}
