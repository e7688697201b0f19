"use server";

import { getLocale } from "next-intl/server";
import { z } from "zod";
import { idArg, untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { changeStaffRole } from "@/lib/staff/change-staff-role";
import { inviteStaff } from "@/lib/staff/invite-staff";
import { removeStaff } from "@/lib/staff/remove-staff";
import type { StaffRole } from "@/lib/staff/schemas";

// Staff roles are managed by admins: each action checks the role, and the domain checks it again.

/** Invites by email with a role; the email is in the inviting admin's language. */
export const inviteStaffAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([untrusted<{ email: string; role: StaffRole }>()]),
  handler: async ({ actor, args: [values] }) => {
    const input = { ...(values !== null && typeof values === "object" ? values : {}), locale: await getLocale() };
    const { created } = await inviteStaff({ actor, input });
    return { created };
  },
  revalidate: ["/admin/staff"],
});

export const changeStaffRoleAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg(), untrusted<StaffRole>()]),
  handler: ({ actor, args: [userId, role] }) => changeStaffRole({ actor, input: { userId, role } }),
  revalidate: ["/admin/staff"],
});

export const removeStaffAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg()]),
  handler: ({ actor, args: [userId] }) => removeStaff({ actor, input: { userId } }),
  revalidate: ["/admin/staff"],
});
