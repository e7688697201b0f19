import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { ActionButton } from "@/components/admin/action-button";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { findStaff } from "@/lib/staff/find-staff";
import type { StaffRole } from "@/lib/staff/schemas";
import { removeStaffAction } from "./actions";
import { InviteForm, RoleSelect } from "./staff-forms";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

/** Staff and their roles: invite, change role, remove. ADMIN only. */
export default async function StaffPage() {
  const user = await requireStaff("ADMIN");
  const staff = await findStaff({ actor: await actorFor(user, "STAFF") });
  const t = await getTranslations("staff");
  const format = await getFormatter();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <TableScroll label={t("title")}>
        <table data-testid="staff">
          <thead>
            <tr>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("lastSignIn")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id} data-email={s.email}>
                <td>{s.email}</td>
                <td>{s.isSelf ? t(`roles.${s.role as StaffRole}`) : <RoleSelect userId={s.id} email={s.email} role={s.role as StaffRole} label={t("roleFor", { email: s.email })} />}</td>
                <td>{s.lastSignInAt ? format.dateTime(s.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}</td>
                <td>
                  {!s.isSelf && (
                    <ActionButton action={removeStaffAction.bind(null, s.id)} label={t("remove")} done={t("removed")} namespace="staff" confirm={t("removeConfirm", { email: s.email })} danger testId={`remove-${s.email}`} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("inviteTitle")}</h2>
        <p className="muted">{t("inviteIntro")}</p>
        <InviteForm />
      </section>
    </>
  );
}
