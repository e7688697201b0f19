"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegister } from "react-hook-form";
import type { MappingFormValues } from "./mapping-form-schema";

/** Column → the distinct values the first rows hold (only for columns with few of them) and the country each resolves to by itself. */
export type ValueSets = Record<string, { value: string; resolved: string | null }[]>;

/** Each value of the country column with the country it is imported as, changeable; saved in the mapping's value map. */
export function CountryValueMap({ column, index, values, countries, register }: {
  column: string;
  index: number;
  values: ValueSets[string] | undefined;
  countries: { code: string; name: string }[];
  register: UseFormRegister<MappingFormValues>;
}) {
  const t = useTranslations("importer");
  return (
    <fieldset data-testid="country-value-map">
      <legend>{t("valueMapTitle", { column })}</legend>
      {!values ? (
        <p className="muted">{t("valueMapTooMany")}</p>
      ) : values.length === 0 ? (
        <p className="muted">{t("valueMapEmpty")}</p>
      ) : (
        <>
          <p className="muted">{t("valueMapHint")}</p>
          {values.map(({ value }, i) => (
            <div className="field" key={value}>
              <label htmlFor={`country-${index}-${i}`}>{t("valueMapLabel", { value })}</label>
              <select id={`country-${index}-${i}`} {...register(`countryCodes.${index}.${i}`)}>
                <option value="">{t("countryUnknown")}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </>
      )}
    </fieldset>
  );
}
