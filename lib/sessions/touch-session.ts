import { db } from "../db/client";

const TOUCH_EVERY_MS = 60_000;

/**
 * The current session's row, with "last seen" kept fresh (at most one write a minute) and the
 * browser remembered on first sight.
 */
export async function touchSession(sessionToken: string, userAgent: string | null, now = new Date()) {
  const prisma = await db();
  const session = await prisma.session.findUnique({
    where: { sessionToken },
    select: { id: true, userId: true, createdAt: true, lastSeenAt: true, userAgent: true, expires: true },
  });
  if (!session || session.expires <= now) return null;
  const stale = !session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS;
  if (stale || (!session.userAgent && userAgent)) {
    await prisma.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, ...(!session.userAgent && userAgent ? { userAgent: userAgent.slice(0, 400) } : {}) },
    });
  }
  return session;
}
