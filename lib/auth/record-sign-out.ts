import type { PrismaClient } from "../db/generated/client";
import { runChange } from "../changes/run-change";

export async function recordSignOut(userId: string, prisma?: PrismaClient) {
  return runChange(
    { kind: "PERSON", id: userId },
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { personId: true } });
      return { result: undefined, audit: { action: "auth.signed_out", personId: user?.personId ?? null, target: `User:${userId}` } };
    },
    { prisma },
  );
}
