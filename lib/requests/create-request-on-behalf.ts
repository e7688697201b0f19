import { randomBytes } from "node:crypto";
import type { Actor } from "../audit/actor";
import { getConfig } from "../config";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { assertPersonWritable } from "../persons/assert-person-writable";
import { parseOrThrow } from "../validation/parse-or-throw";
import { assertOfficer } from "./assert-officer";
import { appendRequestStep } from "./append-request-step";
import { hashRequestToken, REQUEST_CONFIRMATION_TTL_MS } from "./hash-confirmation-token";
import { insertDataRequest } from "./insert-data-request";
import { onBehalfSchema } from "./schemas";
import { requestEmailJobs } from "./render-request-email";

/**
 * An officer enters a request that came by phone, email or post. It waits in VERIFYING until the
 * person confirms it by the link emailed to the address on file (confirmDataRequest): no work
 * starts on someone's word about another person. The due date counts from when it arrived.
 */
export async function createRequestOnBehalf({ actor, input }: { actor: Actor; input: unknown }, options?: ChangeOptions) {
  assertOfficer(actor);
  const data = parseOrThrow(onBehalfSchema, input, { what: "request on behalf" });
  const token = randomBytes(32).toString("base64url");
  const request = await runChange(
    actor,
    async (tx, now) => {
      const person = await tx.person.findUnique({ where: { email: data.email }, select: { id: true, email: true, preferredLanguage: true } });
      if (!person?.email) throw new AppError("NOT_FOUND", "no person with that email", { fields: { email: "personNotFound" } });
      // The same refusal as every other write about a person (GONE for an erased one), before anything is written.
      await assertPersonWritable(tx, person.id);
      const receivedAt = data.receivedOn ? new Date(`${data.receivedOn}T12:00:00Z`) : now;
      if (receivedAt > now) throw new AppError("VALIDATION", "received in the future", { fields: { receivedOn: "dateInFuture" } });
      const { request, audit } = await insertDataRequest(tx, {
        actor, now, personId: person.id, type: data.type, channel: data.channel, status: "VERIFYING", receivedAt, description: data.description ?? null,
      });
      await tx.dataRequest.update({
        where: { id: request.id },
        data: { confirmTokenHash: hashRequestToken(token), confirmExpiresAt: new Date(now.getTime() + REQUEST_CONFIRMATION_TTL_MS) },
      });
      await appendRequestStep(tx, { requestId: request.id, kind: "confirmation_sent", actor, now });
      const jobs = await requestEmailJobs(
        { to: person.email, language: person.preferredLanguage, kind: "confirm", requestType: data.type, url: `${getConfig().APP_URL}/confirm-request?token=${encodeURIComponent(token)}` },
        person.id,
      );
      return { result: request, audit: { ...audit, details: { ...(audit.details as object), onBehalf: true } }, jobs };
    },
    options,
  );
  return request;
}
