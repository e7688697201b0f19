import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/get-formatter";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { getOpenSearchSession } from "@/lib/search/get-open-search-session";
import { searchReasons } from "@/lib/search/schemas";
import { searchPersons, type PersonSearchResult } from "@/lib/search/search-persons";
import { SearchReasonForm } from "./search-reason-form";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

/**
 * Customer search: one box for a name, email, phone, external id or business ID. SUPPORT and up,
 * after stating why (a search session, audited); each search is audited; results show names only.
 */
export default async function PersonSearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireStaff("SUPPORT");
  const { q: given } = await searchParams;
  const q = typeof given === "string" ? given.trim() : "";
  const t = await getTranslations("search");
  const session = await getOpenSearchSession({ userId: user.userId });
  if (!session) {
    const reasons = Object.fromEntries(searchReasons.map((code) => [code, t(`reasons.${code}`)])) as Record<(typeof searchReasons)[number], string>;
    return (
      <div className="card narrow-wide">
        <h1>{t("title")}</h1>
        <p className="muted">{t("reasonIntro")}</p>
        <SearchReasonForm labels={{ legend: t("reasonLegend"), reasons, noteHint: t("noteHint"), submit: t("startSearching") }} />
      </div>
    );
  }

  const actor = await actorFor(user, "STAFF");
  const format = await getFormatter();
  let results: PersonSearchResult[] | null = null;
  let error: string | null = null;
  if (q) {
    try {
      results = await searchPersons({ actor, input: { q } });
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = e.options.userMessage === "reasonRequired" ? "reasonRequired" : (e.options.fields?.q ?? "invalidQuery");
    }
  }
  const reason = [t(`reasons.${session.reasonCode}`), session.reason].filter(Boolean).join(": ");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="notice" role="status" data-testid="search-reason">
        {t("searchingBecause", { reason, time: format.dateTime(session.expiresAt, { timeStyle: "short" }) })}
      </p>
      <form className="card search-form" method="get" role="search">
        <div className="field">
          <label htmlFor="q">{t("label")}</label>
          <p id="q-hint" className="muted">
            {t("hint")}
          </p>
          <input id="q" name="q" type="search" defaultValue={q} autoComplete="off" aria-describedby={error ? "q-hint q-error" : "q-hint"} aria-invalid={error ? "true" : "false"} />
          {error && (
            <p id="q-error" className="field-error" role="alert">
              {t(`errors.${error}` as "errors.queryTooShort")}
            </p>
          )}
        </div>
        <button type="submit">{t("submit")}</button>
      </form>
      {results && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t("results", { count: results.length })}</h2>
          {results.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <>
              <p className="muted">{t("namesOnly")}</p>
              <TableScroll labelledBy="results-heading">
                <table data-testid="search-results">
                  <thead>
                    <tr>
                      <th scope="col">{t("name")}</th>
                      <th scope="col">{t("matchedBy")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.map((r) => (
                      <tr key={r.id} data-person-id={r.id}>
                        <td>
                          <Link href={`/admin/persons/${r.id}`}>{[r.givenName, r.familyName].filter(Boolean).join(" ") || t("noName")}</Link>
                        </td>
                        <td>{t(`matchKinds.${r.matchedBy}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          )}
        </section>
      )}
    </>
  );
}
