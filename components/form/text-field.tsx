"use client";

import type { InputHTMLAttributes } from "react";
import type { FieldError, UseFormRegisterReturn } from "react-hook-form";

/** A labelled input whose error message (already translated) is tied to it for screen readers. */
export function TextField({
  id,
  label,
  hint,
  error,
  registration,
  ...input
}: { id: string; label: string; hint?: string; error?: string; registration: UseFormRegisterReturn } & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="muted" style={{ margin: "0 0 .25rem", fontSize: ".9rem" }}>
          {hint}
        </p>
      )}
      <input id={id} aria-invalid={error ? "true" : "false"} aria-describedby={describedBy} {...input} {...registration} />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export type { FieldError };
