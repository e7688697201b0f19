import { findPersonConsents } from "../consents/find-person-consents";
import { db } from "../db/client";
import type { Locale } from "../i18n/locales";

const heldFields = ["email", "givenName", "familyName", "phone", "streetAddress", "postalCode", "city", "country", "preferredLanguage", "birthDate"] as const;
const closedStatuses = ["COMPLETED", "DENIED", "CANCELLED"] as const;

/**
 * The portal's home page: who the person is to us, how much we hold and from how many systems,
 * where their consents stand and how many of their requests are still open. Null when there is
 * no such person.
 */
export async function getPersonOverview({ personId, locale }: { personId: string; locale: Locale }) {
  const prisma = await db();
  const person = await prisma.person.findUnique({
    where: { id: personId },
    select: { ...Object.fromEntries(heldFields.map((f) => [f, true])), externalIds: { select: { system: true } } } as { [K in (typeof heldFields)[number]]: true } & { externalIds: { select: { system: true } } },
  });
  if (!person) return null;
  const [consents, openRequests, interactions] = await Promise.all([
    findPersonConsents({ personId, locale }),
    prisma.dataRequest.count({ where: { personId, status: { notIn: [...closedStatuses] } } }),
    prisma.interaction.count({ where: { personId } }),
  ]);
  const name = [person.givenName, person.familyName].filter(Boolean).join(" ") || null;
  return {
    name,
    email: person.email,
    /** Profile fields with a value. */
    fieldCount: heldFields.filter((f) => person[f] !== null && person[f] !== "").length,
    /** Distinct connected systems that know the person by an id of their own. */
    systemCount: new Set(person.externalIds.map((e) => e.system)).size,
    interactionCount: interactions,
    consents: {
      granted: consents.filter((c) => c.status === "GRANTED" && !c.needsRenewal).length,
      pending: consents.filter((c) => c.status === "PENDING_CONFIRMATION").length,
      withdrawn: consents.filter((c) => c.status === "WITHDRAWN" || (c.status === "GRANTED" && c.needsRenewal)).length,
      notChosen: consents.filter((c) => c.status === "NOT_SET" && c.legalBasis !== "LEGITIMATE_INTEREST").length,
    },
    openRequests,
  };
}
