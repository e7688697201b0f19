"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { changeStaffRole } from "@/lib/staff/change-staff-role";
import { inviteStaff } from "@/lib/staff/invite-staff";
import { removeStaff } from "@/lib/staff/remove-staff";
import type { StaffRole } from "@/lib/staff/schemas";

// Staff roles are managed by admins: each action checks the role, and the domain checks it again.

async function admin() {
  return actorFor(await requireStaff("ADMIN"), "STAFF");
}

const done = <T,>(result: T) => {
  revalidatePath("/admin/staff");
  return result;
};

/** Invites by email with a role; the email is in the inviting admin's language. */
export async function inviteStaffAction(values: { email: string; role: StaffRole }) {
  const actor = await admin();
  const locale = await getLocale();
  return done(await toActionResult(async () => {
    const { emailSent, created } = await inviteStaff({ actor, input: { ...values, locale } });
    return { emailSent, created };
  }));
}

export async function changeStaffRoleAction(userId: string, role: StaffRole) {
  const actor = await admin();
  return done(await toActionResult(() => changeStaffRole({ actor, input: { userId, role } })));
}

export async function removeStaffAction(userId: string) {
  const actor = await admin();
  return done(await toActionResult(() => removeStaff({ actor, input: { userId } })));
}
