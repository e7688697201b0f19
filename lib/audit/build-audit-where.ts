import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/types";
import { resolvePersonId } from "../persons/resolve-person-id";
import { parseOrThrow } from "../validation/parse-or-throw";
import { auditFilterSchema, type AuditFilter } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Parses the viewer's filter or throws AppError VALIDATION with field → message key. */
export function parseAuditFilter(input: unknown): AuditFilter {
  return parseOrThrow(auditFilterSchema, input ?? {}, { userMessage: "invalidFilter", what: "audit filter" });
}

/**
 * The filter as a Prisma where clause. A person filter covers the ids merged into that person;
 * an actor given as an email address means that user.
 */
export async function buildAuditWhere(client: Pick<Tx, "person" | "personAlias" | "user">, filter: AuditFilter): Promise<Prisma.AuditEntryWhereInput> {
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (filter.personId) {
    const current = (await resolvePersonId(filter.personId, client)) ?? filter.personId;
    const aliases = await client.personAlias.findMany({ where: { personId: current }, select: { aliasId: true } });
    and.push({ personId: { in: [current, ...aliases.map((a) => a.aliasId)] } });
  }
  if (filter.actor) {
    const user = filter.actor.includes("@") ? await client.user.findUnique({ where: { email: filter.actor.toLowerCase() }, select: { id: true } }) : null;
    and.push({ actorId: user?.id ?? filter.actor });
  }
  if (filter.action) {
    const prefix = filter.action.replace(/\*$/, "");
    and.push(prefix.endsWith(".") ? { action: { startsWith: prefix } } : { action: filter.action });
  }
  if (filter.from) and.push({ at: { gte: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to) and.push({ at: { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS) } });
  return { AND: and };
}
