"use client";

import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { signInRequestSchema } from "@/lib/auth/schemas";
import { beginPasskeySignInAction, finishPasskeySignInAction } from "./passkey-actions";

type Problem = "passkeyFailed" | "passkeyCancelled" | "passkeyUnsupported" | "rateLimited" | "failed";

/** "Sign in with a passkey": the browser offers this site's passkeys; the emailed link stays beside it. */
export function PasskeySignIn({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<Problem>();

  const signIn = () =>
    startTransition(async () => {
      setProblem(undefined);
      if (!browserSupportsWebAuthn()) return setProblem("passkeyUnsupported");
      const options = await beginPasskeySignInAction();
      if (!options.ok) return setProblem(options.message === "rateLimited" ? "rateLimited" : "failed");
      let response;
      try {
        response = await startAuthentication(options.data);
      } catch (error) {
        // NotAllowedError: the person closed the browser's dialog or chose no passkey.
        return setProblem(error instanceof Error && error.name === "NotAllowedError" ? "passkeyCancelled" : "passkeyFailed");
      }
      const result = await finishPasskeySignInAction(response);
      if (!result.ok) return setProblem(result.message === "passkeyFailed" ? "passkeyFailed" : "failed");
      // A full load, so the whole page is rendered for the new session.
      window.location.assign(signInRequestSchema.shape.callbackUrl.parse(callbackUrl) ?? "/");
    });

  return (
    <div className="passkey-sign-in">
      <p>{t("passkeyOr")}</p>
      {problem && (
        <p className="form-error" role="alert">
          {t(problem)}
        </p>
      )}
      <button type="button" className="secondary" onClick={signIn} disabled={pending}>
        {t("passkeyButton")}
      </button>
      <p className="muted">{t("passkeyHint")}</p>
    </div>
  );
}
