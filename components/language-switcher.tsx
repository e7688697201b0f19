"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";

const names = { fi: "Suomi", sv: "Svenska", en: "English" } as const;

export function LanguageSwitcher({ setLocale }: { setLocale: (locale: string) => Promise<void> }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  return (
    <div className="lang-switcher">
      <label htmlFor="language-switcher" className="muted" style={{ margin: 0, fontWeight: 400 }}>
        {t("language")}
      </label>
      <select
        id="language-switcher"
        value={locale}
        disabled={pending}
        onChange={(e) => startTransition(() => setLocale(e.target.value))}
      >
        {Object.entries(names).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
