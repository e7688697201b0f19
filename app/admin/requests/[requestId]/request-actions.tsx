"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition, type FormEvent, type ReactNode } from "react";
import { useConfirm, type ConfirmOptions } from "@/components/ui/confirm-dialog";
import { OutcomeMessage } from "@/components/ui/outcome-message";
import { usePassingMessage } from "@/components/ui/use-passing-message";
import type { ActionResult } from "@/lib/action-result";
import { addRequestNoteAction, approveRequestAction, assignRequestAction, denyRequestAction, extendRequestAction, fulfilRequestAction, liftRestrictionAction } from "../actions";

const errorKeys = [
  "forbidden", "requestNotFound", "notConfirmed", "notApprovable", "notDeniable", "notFulfillable", "completedByExport", "exportLimited", "requestClosed", "reasonTooShort",
  "noteRequired", "extensionTooLong", "notAnOfficer", "restrictOnlyErasure", "staffAccount", "alreadyErased", "tooLong", "invalid", "notRestricted",
] as const;
type ErrorKey = (typeof errorKeys)[number] | "failed";
const known = (key: string | undefined): ErrorKey => ((errorKeys as readonly string[]).includes(key ?? "") ? (key as ErrorKey) : "failed");

/**
 * One officer action as a small form: runs the action (after a confirmation dialog, when asked
 * for), shows the first error or "done". "Done." goes away on the next edit or after a while, so
 * it never stands beside a form it no longer describes.
 */
function ActionForm({ id, title, submit, run, children, danger, confirm }: { id: string; title: string; submit: string; run: (data: FormData) => Promise<ActionResult<unknown>>; children?: ReactNode; danger?: boolean; confirm?: ConfirmOptions }) {
  const t = useTranslations("officer");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = usePassingMessage();
  const [ask, dialog] = useConfirm();
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    if (confirm && !(await ask(confirm))) return;
    startTransition(async () => {
      const result = await run(data);
      if (result.ok) {
        outcome.succeed(t("done"));
        router.refresh();
      } else {
        const field = Object.values(result.fields ?? {})[0];
        outcome.fail(t(`errors.${known(field ?? result.message)}`));
      }
    });
  };
  return (
    <form className="card action-form" onSubmit={onSubmit} onInput={outcome.edited} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
      <button type="submit" className={danger ? "danger" : undefined} disabled={pending}>
        {submit}
      </button>
      <OutcomeMessage message={outcome.message} layout="block" />
      {dialog}
    </form>
  );
}

const text = (data: FormData, name: string) => String(data.get(name) ?? "");

export interface RequestActionsProps {
  requestId: string;
  type: string;
  status: string;
  assigneeId: string | null;
  officers: { id: string; email: string }[];
  pendingSystems: number;
  /** The person's processing is restricted: offer to lift it. */
  restricted: boolean;
}

export function RequestActions({ requestId, type, status, assigneeId, officers, pendingSystems, restricted }: RequestActionsProps) {
  const t = useTranslations("officer");
  const open = !["COMPLETED", "DENIED", "CANCELLED"].includes(status);
  const erasure = type === "ERASURE";
  const canFulfil = erasure ? status === "AWAITING_SYSTEMS" : status === "IN_PROGRESS" && type !== "ACCESS" && type !== "PORTABILITY";
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t("actions")}</h2>
      <ActionForm id="assign" title={t("assign")} submit={t("assignSubmit")} run={(d) => assignRequestAction({ requestId, assigneeId: text(d, "assigneeId") || null })}>
        <div className="field">
          <label htmlFor="assigneeId">{t("assign")}</label>
          <select id="assigneeId" name="assigneeId" defaultValue={assigneeId ?? ""}>
            <option value="">{t("unassigned")}</option>
            {officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.email}
              </option>
            ))}
          </select>
        </div>
      </ActionForm>
      <ActionForm id="note" title={t("note")} submit={t("noteSubmit")} run={(d) => addRequestNoteAction({ requestId, note: text(d, "note") })}>
        <div className="field">
          <label htmlFor="note">{t("note")}</label>
          <p id="note-hint" className="muted">{t("noteHint")}</p>
          <textarea id="note" name="note" rows={3} aria-describedby="note-hint" />
        </div>
      </ActionForm>
      {status === "RECEIVED" && (
        <ActionForm id="approve" title={erasure ? t("approveErasure") : t("approve")} submit={erasure ? t("approveErasure") : t("approve")} danger={erasure}
          confirm={erasure ? { title: t("approveErasureConfirm"), body: t("approveErasureConfirmBody"), confirmLabel: t("approveErasureConfirmYes"), danger: true } : undefined}
          run={(d) => approveRequestAction({ requestId, note: text(d, "approveNote") })}>
          <div className="field">
            <label htmlFor="approveNote">{t("approveNote")}</label>
            <textarea id="approveNote" name="approveNote" rows={2} />
          </div>
        </ActionForm>
      )}
      {["RECEIVED", "VERIFYING", "IN_PROGRESS"].includes(status) && (
        <ActionForm id="deny" title={t("deny")} submit={t("deny")} danger confirm={{ title: t("denyConfirm"), body: t("denyConfirmBody"), confirmLabel: t("deny"), danger: true }} run={(d) => denyRequestAction({ requestId, reason: text(d, "reason"), restrictInstead: d.get("restrictInstead") === "on" })}>
          <div className="field">
            <label htmlFor="reason">{t("denyReason")}</label>
            <textarea id="reason" name="reason" rows={3} required />
          </div>
          {erasure && (
            <div className="field checkbox-field">
              <input id="restrictInstead" name="restrictInstead" type="checkbox" />
              <label htmlFor="restrictInstead">{t("restrictInstead")}</label>
            </div>
          )}
        </ActionForm>
      )}
      {open && (
        <ActionForm id="extend" title={t("extend")} submit={t("extend")} run={(d) => extendRequestAction({ requestId, months: Number(text(d, "months")), reason: text(d, "extendReason") })}>
          <div className="field">
            <label htmlFor="months">{t("extendMonths")}</label>
            <select id="months" name="months" defaultValue="1">
              <option value="1">{t("months", { count: 1 })}</option>
              <option value="2">{t("months", { count: 2 })}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="extendReason">{t("extendReason")}</label>
            <textarea id="extendReason" name="extendReason" rows={3} required />
          </div>
        </ActionForm>
      )}
      {canFulfil && (
        <ActionForm id="fulfil" title={t("fulfil")} submit={t("fulfil")} run={(d) => fulfilRequestAction({ requestId, note: text(d, "fulfilNote") })}>
          <div className="field">
            <label htmlFor="fulfilNote">{erasure && pendingSystems > 0 ? t("fulfilErasureNote") : t("fulfilNote")}</label>
            <textarea id="fulfilNote" name="fulfilNote" rows={3} />
          </div>
        </ActionForm>
      )}
      {restricted && (
        <ActionForm id="lift" title={t("liftRestriction")} submit={t("liftRestriction")} run={(d) => liftRestrictionAction({ requestId, reason: text(d, "liftReason") })}>
          <div className="field">
            <label htmlFor="liftReason">{t("liftReason")}</label>
            <textarea id="liftReason" name="liftReason" rows={3} required />
          </div>
        </ActionForm>
      )}
    </section>
  );
}
