"use client";

import type { SelectHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

/** A labelled select whose error message (already translated) is tied to it for screen readers. */
export function SelectField({
  id,
  label,
  error,
  options,
  registration,
  ...select
}: { id: string; label: string; error?: string; options: { value: string; label: string }[]; registration: UseFormRegisterReturn } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? "true" : "false"} aria-describedby={error ? `${id}-error` : undefined} {...select} {...registration}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
