"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/form/apply-action-result";
import { TextField } from "@/components/form/text-field";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { OutcomeMessage } from "@/components/ui/outcome-message";
import { usePassingMessage } from "@/components/ui/use-passing-message";
import { inviteStaffSchema, staffRoles, type StaffRole } from "@/lib/staff/schemas";
import { changeStaffRoleAction, inviteStaffAction } from "./actions";

type InviteValues = { email: string; role: StaffRole };
const inviteFormSchema = inviteStaffSchema.pick({ email: true, role: true });

/** Invite by email with a role; the person gets an email telling them to sign in. */
export function InviteForm() {
  const t = useTranslations("staff");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const sent = usePassingMessage();
  const form = useForm<InviteValues>({ resolver: zodResolver(inviteFormSchema, undefined, { raw: true }), defaultValues: { email: "", role: "SUPPORT" } });
  const { errors } = form.formState;
  const message = (key?: string) => (key ? (t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.failed") : t("errors.failed")) : undefined);
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      sent.clear();
      const result = await inviteStaffAction(values);
      if (applyActionErrors(result, form.setError)) return;
      if (result.ok) sent.succeed(t("invited"));
      form.reset({ email: "", role: values.role });
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} onInput={sent.edited} noValidate data-testid="invite-form">
      {errors.root && (
        <p className="form-error" role="alert">
          {message(errors.root.message)}
        </p>
      )}
      <TextField id="invite-email" type="email" label={t("email")} autoComplete="off" error={message(errors.email?.message)} registration={form.register("email")} />
      <div className="field">
        <label htmlFor="invite-role">{t("role")}</label>
        <select id="invite-role" {...form.register("role")}>
          {staffRoles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {t("invite")}
        </button>
        <OutcomeMessage message={sent.message} />
      </p>
    </form>
  );
}

/**
 * A staff member's role: choosing another asks first (a role widens or narrows what someone may
 * see at once); Cancel puts the select back.
 */
export function RoleSelect({ userId, email, role, label }: { userId: string; email: string; role: StaffRole; label: string }) {
  const t = useTranslations("staff");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState<StaffRole>(role);
  const outcome = usePassingMessage();
  const [ask, dialog] = useConfirm();
  return (
    <>
      <select
        aria-label={label}
        value={value}
        disabled={pending}
        onChange={async (e) => {
          const next = e.target.value as StaffRole;
          outcome.clear();
          setValue(next);
          const roles = { email, from: t(`roles.${value}`), to: t(`roles.${next}`) };
          if (!(await ask({ title: t("roleConfirm", roles), body: t("roleConfirmBody"), confirmLabel: t("roleConfirmYes", roles) }))) {
            setValue(value);
            return;
          }
          startTransition(async () => {
            const result = await changeStaffRoleAction(userId, next);
            if (!result.ok) setValue(value);
            if (result.ok) outcome.succeed(t("roleChanged"));
            else outcome.fail(t.has(`errors.${result.message}`) ? t(`errors.${result.message}` as "errors.failed") : t("errors.failed"));
            router.refresh();
          });
        }}
      >
        {staffRoles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      {dialog}
      <OutcomeMessage message={outcome.message} />
    </>
  );
}
