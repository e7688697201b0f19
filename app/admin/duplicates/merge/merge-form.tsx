"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { MergeSide } from "@/lib/identity/get-merge-preview";
import { mergeableFields, type MergeableField } from "@/lib/identity/schemas";
import { mergePersonsAction } from "../actions";
import { TableScroll } from "@/components/ui/table-scroll";

type Side = "a" | "b";

/** Choose the surviving record and, per differing field, whose value survives; then merge. */
export function MergeForm({ a, b }: { a: MergeSide; b: MergeSide }) {
  const t = useTranslations("duplicates");
  const fields = useTranslations("profile.fields");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [survivor, setSurvivor] = useState<Side>("a");
  const differing = mergeableFields.filter((f) => a.values[f] !== b.values[f]);
  const [choices, setChoices] = useState<Record<MergeableField, Side>>(
    Object.fromEntries(differing.map((f) => [f, a.values[f] === null ? "b" : "a"])) as Record<MergeableField, Side>,
  );
  const [error, setError] = useState<string | null>(null);
  const sides = { a, b };

  const submit = () =>
    startTransition(async () => {
      const keep = sides[survivor];
      const other = sides[survivor === "a" ? "b" : "a"];
      const result = await mergePersonsAction({
        survivorId: keep.id,
        mergedId: other.id,
        fields: Object.fromEntries(differing.map((f) => [f, choices[f] === survivor ? "survivor" : "merged"])),
      });
      if (!result.ok) {
        const key = Object.values(result.fields ?? {})[0] ?? result.message;
        return setError(t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.failed") : t("errors.failed"));
      }
      router.push(`/admin/persons/${result.data.survivorId}`);
    });

  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="merge-form" style={{ overflowWrap: "anywhere" }}>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <fieldset>
        <legend>{t("survivorLegend")}</legend>
        {(["a", "b"] as const).map((side) => (
          <div key={side} className="checkbox-field">
            <input id={`survivor-${side}`} type="radio" name="survivor" checked={survivor === side} onChange={() => setSurvivor(side)} />
            <label htmlFor={`survivor-${side}`}>{t("keepRecord", { detail: sides[side].values.email ?? sides[side].values.phone ?? "—", name: [sides[side].values.givenName, sides[side].values.familyName].filter(Boolean).join(" ") || t("noName") })}</label>
          </div>
        ))}
      </fieldset>
      <TableScroll label={t("title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("field")}</th>
              <th scope="col">{t("first")}</th>
              <th scope="col">{t("second")}</th>
            </tr>
          </thead>
          <tbody>
            {mergeableFields.map((f) => (
              <tr key={f}>
                <th scope="row">{fields(f)}</th>
                {(["a", "b"] as const).map((side) => (
                  <td key={side}>
                    {differing.includes(f) ? (
                      <span className="checkbox-field">
                        <input id={`${f}-${side}`} type="radio" name={f} checked={choices[f] === side} onChange={() => setChoices({ ...choices, [f]: side })} />
                        <label htmlFor={`${f}-${side}`}>{sides[side].values[f] ?? t("emptyValue")}</label>
                      </span>
                    ) : (
                      (sides[side].values[f] ?? "—")
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {t("merge")}
        </button>
      </p>
    </form>
  );
}
