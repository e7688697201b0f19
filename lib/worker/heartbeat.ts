import type { PrismaClient } from "../db/generated/client";

export async function beat(prisma: PrismaClient, workerId: string, startedAt: Date, now = new Date()) {
  await prisma.workerHeartbeat.upsert({
    where: { workerId },
    create: { workerId, startedAt, beatAt: now },
    update: { beatAt: now },
  });
}

/** Seconds since any worker last reported, or null if none ever did. */
export async function latestHeartbeatAgeSeconds(prisma: PrismaClient, now = new Date()): Promise<number | null> {
  const latest = await prisma.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { beatAt: true } });
  return latest ? Math.max(0, Math.round((now.getTime() - latest.beatAt.getTime()) / 1000)) : null;
}
