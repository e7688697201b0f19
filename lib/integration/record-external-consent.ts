import type { z } from "zod";
import type { Actor } from "../audit/actor";
import { assertPurposeGrantable } from "../consents/assert-purpose-grantable";
import { grantConsent } from "../consents/grant-consent";
import { loadPurposeForChange } from "../consents/load-purpose-for-change";
import { withdrawConsent } from "../consents/withdraw-consent";
import { db } from "../db/client";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import type { recordConsentBodySchema } from "../api/schemas";
import { createPersonFromSystem } from "../persons/create-person-from-system";
import { resolvePersonId } from "../persons/resolve-person-id";
import { isSuppressed } from "../suppression/is-suppressed";

type Input = z.output<typeof recordConsentBodySchema>;

/**
 * Records a consent a connected system collected itself (a web-shop checkbox, a paper form),
 * through the consent domain with source API, and keeps the system's evidence beside the
 * ConsentEvent. A grant for a suppressed (erased) address is refused; a grant by email for an
 * unknown address creates the person. A withdrawal is never refused for suppression.
 */
export async function recordExternalConsent({ actor, system, input }: { actor: Actor; system: { id: string; key: string }; input: Input }) {
  const prisma = await db();
  // A merged person's id records on the survivor.
  const currentId = "id" in input.person ? await resolvePersonId(input.person.id) : null;
  const person = "id" in input.person
    ? currentId ? await prisma.person.findUnique({ where: { id: currentId }, select: { id: true, email: true } }) : null
    : await prisma.person.findUnique({ where: { email: input.person.email.trim().toLowerCase() }, select: { id: true, email: true } });
  const email = "email" in input.person ? input.person.email : person?.email;
  if (input.status === "GRANTED" && email && (await isSuppressed(email))) {
    throw new AppError("CONFLICT", "the address is suppressed: its person was erased", { fields: { person: "suppressed" } });
  }
  let personId = person?.id;
  if (!personId && input.status === "GRANTED" && "email" in input.person) {
    // A grant the purpose refuses must not leave a new person behind: check it before creating one.
    assertPurposeGrantable(await loadPurposeForChange(prisma, input.purposeKey), input.evidence.version);
    personId = (await createPersonFromSystem({ actor, system: system.key, email: input.person.email })).personId;
  }
  if (!personId) throw new AppError("NOT_FOUND", "no such person");

  const evidence = { locale: input.evidence.locale, userAgent: input.evidence.userAgent, connectedSystemId: system.id };
  let outcome: { status: string; changed: boolean; consentEventId: string | null };
  if (input.status === "GRANTED") {
    outcome = await grantConsent({ actor, personId, input: { purposeKey: input.purposeKey, source: "API", version: input.evidence.version, ...evidence } });
  } else {
    const { changed } = await withdrawConsent({ actor, personId, input: { purposeKey: input.purposeKey, source: "API", ...evidence } });
    const event = changed
      ? await prisma.consentEvent.findFirst({ where: { personId, purpose: { key: input.purposeKey }, connectedSystemId: system.id }, orderBy: { occurredAt: "desc" }, select: { id: true } })
      : null;
    outcome = { status: "WITHDRAWN", changed, consentEventId: event?.id ?? null };
  }
  if (outcome.consentEventId) await recordEvidence(actor, system.id, personId, outcome.consentEventId, input.evidence);
  return { personId, purposeKey: input.purposeKey, ...outcome };
}

/** After the consent's own transaction: the ConsentEvent is the proof, this is the system's account of it. */
async function recordEvidence(actor: Actor, systemId: string, personId: string, consentEventId: string, evidence: Input["evidence"]) {
  await runChange(actor, async (tx, now) => {
    await tx.externalConsentEvidence.create({
      data: { consentEventId, systemId, collectedAt: new Date(evidence.collectedAt), method: evidence.method, reference: evidence.reference ?? null, createdAt: now },
    });
    return {
      result: null,
      audit: { action: "consent.evidence_recorded", personId, target: `ConsentEvent:${consentEventId}`, details: { systemId, method: evidence.method } },
    };
  });
}
