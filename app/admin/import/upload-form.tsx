"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

const PART = 1024 * 1024; // IMPORT_CHUNK_BYTES: every part but the last is exactly this long

/** Sends the chosen CSV file in 1 MiB parts with a progress bar, then opens its column mapping. */
export function UploadForm() {
  const t = useTranslations("importer");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (key: string) => {
    setError(t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.uploadFailed") : t("errors.uploadFailed"));
    setSent(null);
  };
  const upload = async () => {
    if (!file) return fail("chooseFile");
    setError(null);
    setSent(0);
    const begun = await fetch("/admin/import/upload", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ fileName: file.name }) });
    const { fileId, message } = (await begun.json().catch(() => ({}))) as { fileId?: string; message?: string };
    if (!begun.ok || !fileId) return fail(message ?? "uploadFailed");
    for (let index = 0; index * PART < file.size; index += 1) {
      const part = await fetch(`/admin/import/upload/${fileId}/${index}`, { method: "PUT", body: file.slice(index * PART, (index + 1) * PART) });
      if (!part.ok) return fail(((await part.json().catch(() => ({}))) as { message?: string }).message ?? "uploadFailed");
      setSent(Math.min(file.size, (index + 1) * PART));
    }
    const finished = await fetch(`/admin/import/upload/${fileId}/finish`, { method: "POST" });
    if (!finished.ok) return fail(((await finished.json().catch(() => ({}))) as { message?: string }).message ?? "uploadFailed");
    router.push(`/admin/import/${fileId}`);
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void upload(); }} data-testid="upload-form">
      <div className="field">
        <label htmlFor="import-file">{t("file")}</label>
        <p id="import-file-hint" className="muted">
          {t("fileHint")}
        </p>
        <input id="import-file" type="file" accept=".csv,text/csv,.txt" aria-describedby="import-file-hint" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {sent !== null && file && (
        <p>
          <label htmlFor="upload-progress">{t("uploading")}</label>
          <progress id="upload-progress" max={file.size} value={sent} aria-valuetext={t("percent", { percent: Math.round((sent / Math.max(file.size, 1)) * 100) })} />
        </p>
      )}
      <p className="actions">
        <button type="submit" disabled={sent !== null}>
          {t("upload")}
        </button>
      </p>
    </form>
  );
}
