import type { Actor } from "../audit/actor";
import { getConfig } from "../config";
import { runChange } from "../changes/run-change";
import { queuedEmail } from "../email/enqueue-email";
import { renderNotice } from "../email/render-notice";
import { AppError } from "../errors";
import { translatorFor } from "../i18n/messages";
import { parseOrThrow } from "../validation/parse-or-throw";
import { assertStaffRole } from "./assert-staff-role";
import { inviteStaffSchema, type InviteStaffInput } from "./schemas";

/**
 * Gives an email address a staff role: the user is created (linked to the person with that
 * address, if any) or their role is changed, and an email tells them to sign in at APP_URL/signin
 * with that address (magic link; no password to send), queued with the change. Audited as
 * `staff.invited`. ADMIN only.
 * An admin cannot change their own role here (the last admin would lock everyone out).
 */
export async function inviteStaff({ actor, input, now }: { actor: Actor; input: InviteStaffInput | unknown; now?: Date }) {
  assertStaffRole(actor, "ADMIN");
  const { email, role, locale } = parseOrThrow(inviteStaffSchema, input, { what: "invitation" });
  const t = translatorFor(locale, "staff");
  const url = `${getConfig().APP_URL}/signin`;
  return runChange(
    actor,
    async (tx) => {
      const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, personId: true } });
      if (existing?.id === actor.id) throw new AppError("CONFLICT", "own role", { userMessage: "ownRole" });
      let user = existing;
      if (!user) {
        const person = await tx.person.findUnique({ where: { email }, select: { id: true, user: { select: { id: true } } } });
        user = await tx.user.create({
          data: { email, role, personId: person && !person.user ? person.id : null },
          select: { id: true, role: true, personId: true },
        });
      } else if (user.role !== role) {
        await tx.user.update({ where: { id: user.id }, data: { role } });
      }
      const invitation = await renderNotice(email, t("inviteEmail.subject"), {
        lang: locale,
        preview: t("inviteEmail.subject"),
        heading: t("inviteEmail.heading"),
        paragraphs: [t("inviteEmail.body", { role: t(`roles.${role}`) }), t("inviteEmail.howTo")],
        button: { label: t("inviteEmail.button"), url },
        smallPrint: [t("inviteEmail.smallPrint")],
      });
      return {
        result: { userId: user.id, role, created: !existing },
        // Staff mail: not deleted with a person's erasure (a staff member cannot be erased).
        jobs: [queuedEmail({ ...invitation, personId: null })],
        audit: { action: "staff.invited", personId: user.personId, target: `User:${user.id}`, details: { userId: user.id, from: existing?.role ?? null, to: role } },
      };
    },
    { now },
  );
}
