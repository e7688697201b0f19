"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { staffSignInAction } from "./actions";

/** The "Staff sign-in" button: off to the company's identity provider. Shown only when OIDC is configured. */
export function StaffSignIn({ callbackUrl, ssoOnly }: { callbackUrl?: string; ssoOnly: boolean }) {
  const t = useTranslations("signIn");
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <section className="staff-sign-in" aria-labelledby="staff-sign-in-title">
      <h2 id="staff-sign-in-title">{t("staffTitle")}</h2>
      <p className="muted">{ssoOnly ? t("staffSsoOnlyNote") : t("staffIntro")}</p>
      {failed && (
        <p className="form-error" role="alert">
          {t("staffFailed")}
        </p>
      )}
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            // A success leaves the page; an answer means it could not start.
            const answer = await staffSignInAction({ callbackUrl });
            setFailed(Boolean(answer?.error));
          })
        }
      >
        {t("staffSignIn")}
      </button>
    </section>
  );
}
