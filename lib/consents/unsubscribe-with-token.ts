import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { resolvePersonId } from "../persons/resolve-person-id";
import { lockPerson } from "./lock-person";
import { readUnsubscribeToken } from "./read-unsubscribe-token";
import { resolveEvidenceLocale } from "./resolve-evidence-locale";
import { withdrawPurposes } from "./withdraw-purposes";

export interface UnsubscribeOptions {
  /** The purpose named in the link's path, if the route has one: it must be the token's. */
  purposeKey?: string;
  actor?: Actor;
  userAgent?: string;
  locale?: Locale;
  now?: Date;
}

/**
 * One-click unsubscribe: withdraws the token's purpose for the token's person (source
 * UNSUBSCRIBE_LINK). It can do nothing else: a token is checked before anything is read or
 * written, and a purpose that does not match it is FORBIDDEN. Using the link again writes
 * nothing. A token minted before its person was merged into another withdraws the survivor's
 * consent (the token names the merged id; PersonAlias resolves it). Returns whether this call
 * withdrew anything.
 */
export async function unsubscribeWithToken(token: string, options: UnsubscribeOptions = {}) {
  const { actor = { kind: "ANONYMOUS", id: null }, now } = options;
  const target = await readUnsubscribeToken(token, now);
  if (options.purposeKey !== undefined && options.purposeKey !== target.purposeKey) {
    throw new AppError("FORBIDDEN", "token is for another purpose", { userMessage: "unsubscribeInvalid" });
  }
  return runChange(
    actor,
    async (tx, at) => {
      const personId = (await resolvePersonId(target.personId, tx)) ?? target.personId;
      await lockPerson(tx, personId);
      const purpose = await tx.purpose.findUnique({ where: { key: target.purposeKey }, select: { currentVersion: true } });
      if (!purpose?.currentVersion) throw new AppError("NOT_FOUND", "purpose not found", { userMessage: "unsubscribeInvalid" });
      const locale = await resolveEvidenceLocale(tx, personId, options.locale);
      const { withdrawn, audit, events } = await withdrawPurposes(tx, {
        actor, now: at, personId, where: { key: target.purposeKey }, source: "UNSUBSCRIBE_LINK",
        evidence: { locale, userAgent: options.userAgent?.slice(0, 512) },
      });
      return { result: { purposeKey: target.purposeKey, withdrawn: withdrawn.length > 0 }, audit, events };
    },
    { now },
  );
}
