import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { searchPersons, type PersonSearchResult } from "@/lib/search/search-persons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

/** Customer search: one box for a name, email, phone, external id or business ID. SUPPORT and up. */
export default async function PersonSearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireStaff("SUPPORT");
  const actor = await actorFor(user, "STAFF");
  const { q: given } = await searchParams;
  const q = typeof given === "string" ? given.trim() : "";
  const t = await getTranslations("search");
  let results: PersonSearchResult[] | null = null;
  let error: string | null = null;
  if (q) {
    try {
      results = await searchPersons({ actor, input: { q } });
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = e.options.fields?.q ?? "invalidQuery";
    }
  }
  return (
    <>
      <h1>{t("title")}</h1>
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
            <div className="table-wrap">
              <table data-testid="search-results">
                <thead>
                  <tr>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{t("email")}</th>
                    <th scope="col">{t("phone")}</th>
                    <th scope="col">{t("place")}</th>
                    <th scope="col">{t("matchedBy")}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((r) => (
                    <tr key={r.id} data-person-id={r.id}>
                      <td>
                        <Link href={`/admin/persons/${r.id}`}>{[r.givenName, r.familyName].filter(Boolean).join(" ") || t("noName")}</Link>
                      </td>
                      <td>{r.email ?? "—"}</td>
                      <td>{r.phone ?? "—"}</td>
                      <td>{[r.postalCode, r.city].filter(Boolean).join(" ") || "—"}</td>
                      <td>{t(`matchKinds.${r.matchedBy}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
