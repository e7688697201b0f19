"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { OutcomeMessage } from "@/components/ui/outcome-message";
import { usePassingMessage } from "@/components/ui/use-passing-message";
import { revokeApiKeyAction, rotateSecretAction, sendTestEventAction } from "../actions";
import { ShownOnce } from "../shown-once";

/** Rotates the signing secret and shows the new one once. */
export function RotateSecretButton({ systemId }: { systemId: string }) {
  const t = useTranslations("systems");
  const [pending, startTransition] = useTransition();
  const [secret, setSecret] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [ask, dialog] = useConfirm();
  return (
    <>
      <p className="actions">
        <button type="button" className="secondary" disabled={pending} onClick={async () => {
          if (!(await ask({ title: t("secret.rotateConfirm"), body: t("secret.rotateHint"), confirmLabel: t("secret.rotate"), danger: true }))) return;
          startTransition(async () => {
            const result = await rotateSecretAction(systemId);
            setFailed(!result.ok);
            setSecret(result.ok ? result.data.secret : null);
          });
        }}>
          {t("secret.rotate")}
        </button>
        <span className="muted">{t("secret.rotateHint")}</span>
      </p>
      {dialog}
      {failed && <p className="form-error" role="alert">{t("errors.failed")}</p>}
      {secret && <ShownOnce label={t("secret.title")} note={t("secret.shownOnce")} value={secret} />}
    </>
  );
}

export function SendTestEventButton({ systemId }: { systemId: string }) {
  const t = useTranslations("systems");
  const [pending, startTransition] = useTransition();
  const outcome = usePassingMessage();
  return (
    <p className="actions">
      <button type="button" className="secondary" disabled={pending} onClick={() => startTransition(async () => {
        const result = await sendTestEventAction(systemId);
        outcome.show({ ok: result.ok, text: result.ok ? t("test.sent") : t(`errors.${result.message}` as "errors.failed") });
      })}>
        {t("test.send")}
      </button>
      <OutcomeMessage message={outcome.message} />
      <Link href={`/admin/systems/${systemId}/deliveries`}>{t("deliveriesLink")}</Link>
    </p>
  );
}

/** Revoking cannot be undone (the system needs a new key), so it asks first. */
export function RevokeKeyButton({ systemId, keyId, prefix }: { systemId: string; keyId: string; prefix: string }) {
  const t = useTranslations("systems");
  const [pending, startTransition] = useTransition();
  const [ask, dialog] = useConfirm();
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={t("keys.revokeLabel", { prefix })}
        disabled={pending}
        onClick={async () => {
          if (!(await ask({ title: t("keys.revokeConfirm", { prefix }), body: t("keys.revokeConfirmBody"), confirmLabel: t("keys.revoke"), danger: true }))) return;
          startTransition(async () => void (await revokeApiKeyAction(systemId, keyId)));
        }}
      >
        {t("keys.revoke")}
      </button>
      {dialog}
    </>
  );
}
