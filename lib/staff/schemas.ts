// Staff management: who may use the back-office and with which role. Messages are keys in the
// "staff.errors" namespace.
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";
import { locales } from "../i18n/locales";

export const staffRoles = ["SUPPORT", "PRIVACY_OFFICER", "ADMIN"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const inviteStaffSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "emailInvalid" }).max(254, { error: "emailInvalid" })),
  role: z.enum(staffRoles, { error: "roleInvalid" }),
  /** The invitation email's language. */
  locale: z.enum(locales).default("fi"),
});
export type InviteStaffInput = z.input<typeof inviteStaffSchema>;

const userId = z.string().min(1).max(64).refine(isStorableText, { error: "invalid" });

export const changeStaffRoleSchema = z.object({ userId, role: z.enum(staffRoles, { error: "roleInvalid" }) });
export const removeStaffSchema = z.object({ userId });
