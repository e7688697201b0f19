import { db } from "../db/client";

/** The user's passkeys, newest first: names and dates only, never the key material. */
export async function findPasskeys(userId: string) {
  return (await db()).passkey.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}
