import { db } from "../db/client";
import { describeUserAgent } from "./describe-user-agent";

/** The user's active sessions, newest first. Tokens never leave the server: sessions are named by id. */
export async function findSessions(userId: string, currentSessionId: string | null, now = new Date()) {
  const sessions = await (await db()).session.findMany({
    where: { userId, expires: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
  return sessions.map((s) => ({
    id: s.id,
    browser: describeUserAgent(s.userAgent),
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt ?? s.createdAt,
    current: s.id === currentSessionId,
  }));
}
