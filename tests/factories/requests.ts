// A person with something in every table the export and the erasure cover, made through the
// domain where it has a function for it, with unique values to look for afterwards.
import { randomInt, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/audit/actor";
import { grantConsent } from "@/lib/consents/grant-consent";
import type { PrismaClient } from "@/lib/db/generated/client";
import { correctPerson } from "@/lib/persons/correct-person";
import { runEmailQueue } from "../support/run-queue";
import { uniqueEmail } from "./persons";

export const officerActor = (id: string): Actor => ({ kind: "STAFF", id, role: "PRIVACY_OFFICER" });

export async function createOfficer(prisma: PrismaClient, role: "PRIVACY_OFFICER" | "ADMIN" | "SUPPORT" = "PRIVACY_OFFICER") {
  const user = await prisma.user.create({ data: { email: uniqueEmail("officer"), role } });
  return { user, actor: { kind: "STAFF", id: user.id, role } as Actor };
}

/** A richly filled person with a user and a live session; every value is unique to it. */
export async function createFullPerson(prisma: PrismaClient, purposeKey: string, label = "p") {
  const tag = randomUUID().slice(0, 8);
  const email = uniqueEmail(`${label}-${tag}`);
  const person = await prisma.person.create({ data: { email, emailVerifiedAt: new Date(), givenName: `Given${tag}`, familyName: `Family${tag}`, preferredLanguage: "en" } });
  const user = await prisma.user.create({ data: { email, personId: person.id } });
  const session = await prisma.session.create({ data: { sessionToken: `tok-${tag}`, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  const actor: Actor = { kind: "PERSON", id: user.id };
  await correctPerson({ actor, personId: person.id, input: { phone: `+35840${String(randomInt(1_000_000, 9_999_999))}`, city: `City${tag}` }, source: "PERSON" });
  const org = await prisma.organization.create({ data: { name: `Org${tag} Oy`, businessId: `${tag}-org` } });
  await prisma.membership.create({ data: { personId: person.id, organizationId: org.id, role: `Role${tag}` } });
  await prisma.externalIdentity.create({ data: { personId: person.id, system: "crm", externalId: `CRM${tag}` } });
  await prisma.interaction.create({
    data: { personId: person.id, system: "webshop", externalId: `ORDER${tag}`, kind: "PURCHASE", occurredAt: new Date(), summary: `Summary${tag}, "quoted"\nsecond line`, amountMinor: 1999, currency: "EUR" },
  });
  await grantConsent({ actor, personId: person.id, input: { purposeKey, userAgent: `Agent${tag}` } });
  const current = await prisma.person.findUniqueOrThrow({ where: { id: person.id } });
  return { person: current, user, session, actor, org, tag, email, secrets: [email, `Given${tag}`, `Family${tag}`, `City${tag}`, current.phone!, `CRM${tag}`, `ORDER${tag}`, `Summary${tag}`, `Role${tag}`, `Agent${tag}`] };
}

/** The confirmation token from the last request email sent to `to` (local outbox), once the queue has sent what was queued by `now`. */
export async function lastConfirmationToken(prisma: PrismaClient, to: string, now = new Date()) {
  await runEmailQueue(prisma, now);
  const mail = await prisma.localEmail.findFirstOrThrow({ where: { to, text: { contains: "confirm-request?token=" } }, orderBy: { createdAt: "desc" } });
  return decodeURIComponent(/confirm-request\?token=([^\s"&)\]]+)/.exec(mail.text)![1]!);
}
