import { workerActor } from "../audit/actor";
import type { PrismaClient } from "../db/generated/client";
import { generateUuid7 } from "../db/generate-uuid7";
import { log } from "../log";
import type { ClaimedDelivery } from "./claim-deliveries";
import { disableConnectedSystem } from "./disable-connected-system";
import type { WebhookResult } from "./send-webhook";

export interface DeliveryOutcome {
  delivery: ClaimedDelivery;
  result: WebhookResult;
  startedAt: Date;
  finishedAt: Date;
}

export interface OutcomeContext {
  workerId: string;
  /** Seconds before each try (WEBHOOK_RETRY_SCHEDULE). */
  schedule: number[];
  disableAfterHours: number;
  /** Each system's failure clock as read with the batch, so a healthy system costs no extra write. */
  failingSince: Map<string, Date | null>;
}

const succeeded = (result: WebhookResult) => result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;

/**
 * Logs a batch of tries and moves each delivery on, in one statement:
 * SUCCEEDED; PENDING for the next try on the schedule; FAILED when the schedule is used up or
 * the receiver answered 410 Gone. A delivery changes only while this worker still holds its
 * lease. Then each system's failure clock: a success clears it; 410 Gone disables the system at
 * once, and so does failing for longer than the configured period.
 */
export async function recordDeliveryOutcomes(prisma: PrismaClient, outcomes: DeliveryOutcome[], context: OutcomeContext): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map(({ delivery, result, finishedAt }) => {
    const ok = succeeded(result);
    const retryIn = !ok && result.statusCode !== 410 ? context.schedule[delivery.attempts] : undefined;
    return {
      id: delivery.id,
      status: ok ? "SUCCEEDED" : retryIn === undefined ? "FAILED" : "PENDING",
      lastError: ok ? null : (result.error ?? `HTTP ${result.statusCode}`),
      code: result.statusCode,
      next: retryIn === undefined ? null : new Date(finishedAt.getTime() + retryIn * 1000).toISOString(),
      at: finishedAt.toISOString(),
    };
  });
  const attempts = outcomes.map(({ delivery, result, startedAt }) => ({
    id: generateUuid7(startedAt.getTime()), deliveryId: delivery.id, startedAt: startedAt.toISOString(), durationMs: result.durationMs,
    statusCode: result.statusCode, error: result.error, responseSnippet: result.responseSnippet,
  }));
  // One statement for the whole batch, the rows as JSON parameters: a transaction of two
  // statements costs four round trips, and Prisma's createMany far more per row.
  await prisma.$executeRaw`
    WITH moved AS ( -- runs whether or not it is referenced
      UPDATE "Delivery" AS d SET
        "status" = v."status"::"DeliveryStatus", "lastError" = v."lastError", "lastStatusCode" = v."code",
        "nextAttemptAt" = v."next", "deliveredAt" = CASE WHEN v."status" = 'SUCCEEDED' THEN v."at" ELSE d."deliveredAt" END,
        "leaseUntil" = NULL, "leasedBy" = NULL, "updatedAt" = v."at"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v("id" text, "status" text, "lastError" text, "code" int, "next" timestamp(3), "at" timestamp(3))
      WHERE d."id" = v."id" AND d."status" = 'IN_FLIGHT' AND d."leasedBy" = ${context.workerId}
    )
    INSERT INTO "DeliveryAttempt" ("id", "deliveryId", "startedAt", "durationMs", "statusCode", "error", "responseSnippet", "workerId")
    SELECT v."id", v."deliveryId", v."startedAt", v."durationMs", v."statusCode", v."error", v."responseSnippet", ${context.workerId}
    FROM jsonb_to_recordset(${JSON.stringify(attempts)}::jsonb)
      AS v("id" text, "deliveryId" text, "startedAt" timestamp(3), "durationMs" int, "statusCode" int, "error" text, "responseSnippet" text)`;
  for (const systemId of new Set(outcomes.map((o) => o.delivery.systemId))) {
    const mine = outcomes.filter((o) => o.delivery.systemId === systemId);
    await updateSystemHealth(prisma, systemId, mine, context);
  }
}

async function updateSystemHealth(prisma: PrismaClient, systemId: string, outcomes: DeliveryOutcome[], context: OutcomeContext) {
  const last = outcomes.reduce((a, b) => (b.finishedAt > a.finishedAt ? b : a));
  const failingSince = context.failingSince.get(systemId) ?? null;
  const actor = workerActor(context.workerId);
  const gone = outcomes.find((o) => o.result.statusCode === 410);
  if (gone) {
    if (await disableConnectedSystem({ actor, systemId, reason: "gone", details: { deliveryId: gone.delivery.id, statusCode: 410 } })) {
      log.warn("propagation.system_disabled", { systemId, reason: "gone" });
    }
    return;
  }
  if (succeeded(last.result)) {
    if (failingSince) await prisma.connectedSystem.updateMany({ where: { id: systemId, failingSince: { not: null } }, data: { failingSince: null } });
    return;
  }
  if (!failingSince) {
    await prisma.connectedSystem.updateMany({ where: { id: systemId, failingSince: null }, data: { failingSince: last.finishedAt } });
    return;
  }
  if (last.finishedAt.getTime() - failingSince.getTime() >= context.disableAfterHours * 3600_000) {
    const details = { deliveryId: last.delivery.id, failingSince: failingSince.toISOString(), lastError: last.result.error?.slice(0, 200) ?? `HTTP ${last.result.statusCode}` };
    if (await disableConnectedSystem({ actor, systemId, reason: "failing", details })) log.warn("propagation.system_disabled", { systemId, reason: "failing" });
  }
}
