import { db } from "../db/client";
import { parsePageNumber } from "../parse-search-params";

export const ACTIVITY_PAGE_SIZE = 25;

/**
 * The audit entries about a person, newest first: what the person sees on their Activity page.
 * Entries about ids merged into this person (PersonAlias) are theirs too.
 */
export async function findPersonActivity(personId: string, page = 1) {
  const prisma = await db();
  const current = parsePageNumber(page);
  const aliases = await prisma.personAlias.findMany({ where: { personId }, select: { aliasId: true } });
  const where = aliases.length ? { personId: { in: [personId, ...aliases.map((a) => a.aliasId)] } } : { personId };
  const [total, entries] = await Promise.all([
    prisma.auditEntry.count({ where }),
    prisma.auditEntry.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (current - 1) * ACTIVITY_PAGE_SIZE,
      take: ACTIVITY_PAGE_SIZE,
      select: { id: true, seq: true, at: true, actorKind: true, actorId: true, action: true, details: true },
    }),
  ]);
  return {
    entries: entries.map((e) => {
      const details = (e.details ?? {}) as { fields?: string[]; reason?: string; role?: string };
      return {
        id: e.id,
        seq: e.seq,
        at: e.at,
        action: e.action,
        details: e.details,
        actorKind: e.actorKind,
        actorId: e.actorId,
        fields: Array.isArray(details.fields) ? details.fields : [],
        reason: typeof details.reason === "string" ? details.reason : null,
        role: typeof details.role === "string" ? details.role : null,
      };
    }),
    page: current,
    pages: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)),
  };
}
