// Page cursors of the integration API's lists: opaque to integrators, each naming the list that
// issued it (base64url of "<list>:<last id>"). A list refuses (400, errors: cursor → invalidCursor)
// a cursor it cannot decode or that another list issued, instead of answering an empty page.
import { z } from "zod";

/** The lists that page by cursor. */
export type CursorList = "persons" | "events";

/** Row ids are UUIDv7, lower-case, as PostgreSQL and Prisma write them. */
const ROW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What each list's cursor stands for: a row id, or the events feed's "<transaction id>.<position>". */
const LAST_ID: Record<CursorList, RegExp> = { persons: ROW_ID, events: /^[0-9]{1,18}\.[0-9]{1,18}$/ };
/** base64url of the longest "<list>:<uuid>", with room to spare; longer is never one of ours. */
const MAX_CURSOR_CHARS = 96;

export const encodePageCursor = (list: CursorList, lastId: string) => Buffer.from(`${list}:${lastId}`, "utf8").toString("base64url");

/** The last id a cursor of this list stands for, or null when the list did not issue it. */
export function decodePageCursor(list: CursorList, cursor: string): string | null {
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  // Node decodes leniently: only the canonical spelling of what we issued counts.
  if (Buffer.from(text, "utf8").toString("base64url") !== cursor) return null;
  const prefix = `${list}:`;
  if (!text.startsWith(prefix)) return null;
  const id = text.slice(prefix.length);
  return LAST_ID[list].test(id) ? id : null;
}

/** The `cursor` query parameter of a list: decoded to the last id of the previous page. */
export const pageCursorParam = (list: CursorList) =>
  z
    .string()
    .min(1)
    .max(MAX_CURSOR_CHARS)
    .regex(/^[A-Za-z0-9_-]+$/)
    .transform((cursor, ctx) => {
      const lastId = decodePageCursor(list, cursor);
      if (lastId === null) ctx.addIssue({ code: "custom", message: "invalidCursor" });
      return lastId ?? z.NEVER;
    })
    .optional()
    .describe("The nextCursor of the previous page of this list, as it was given (opaque). Any other value is refused with 400 (errors: cursor).");
