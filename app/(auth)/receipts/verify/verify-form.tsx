"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { useFormatter } from "@/lib/i18n/use-formatter";
import { verifyReceiptAction } from "./actions";

type Result = Awaited<ReturnType<typeof verifyReceiptAction>>;

export function VerifyReceiptForm() {
  const t = useTranslations("receiptVerify");
  const format = useFormatter();
  const statusWords = (status: string) => (t.has(`statuses.${status}`) ? t(`statuses.${status}` as "statuses.GRANTED") : status);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<Result | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const pasted = String(data.get("jws") ?? "");
    startTransition(async () => {
      const text = file instanceof File && file.size > 0 ? await file.text() : pasted;
      setResult(await verifyReceiptAction(text));
    });
  };

  return (
    <form onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="file">{t("file")}</label>
        <input id="file" name="file" type="file" accept="application/json,.json" />
      </div>
      <div className="field">
        <label htmlFor="jws">{t("jws")}</label>
        <textarea id="jws" name="jws" rows={4} />
      </div>
      <button type="submit" disabled={pending}>
        {t("submit")}
      </button>
      {result && (
        <div role={result.valid ? "status" : "alert"} className={result.valid ? "notice" : "form-error"} data-testid="verify-result" style={{ marginTop: "1rem" }}>
          <p style={{ margin: 0 }}>{result.valid ? t("valid") : t("invalid")}</p>
          {result.valid && (
            <dl className="receipt-details" data-testid="receipt-details">
              <dt>{t("purposeLabel")}</dt>
              <dd>{result.purpose}</dd>
              <dt>{t("statusLabel")}</dt>
              <dd>{statusWords(result.status)}</dd>
              <dt>{t("timeLabel")}</dt>
              <dd>{format.dateTime(new Date(result.time), { dateStyle: "long", timeStyle: "short" })}</dd>
              <dt>{t("idLabel")}</dt>
              <dd>
                <code>{result.id}</code>
              </dd>
            </dl>
          )}
        </div>
      )}
    </form>
  );
}
