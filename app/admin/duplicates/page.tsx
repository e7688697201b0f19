import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { findDuplicateCandidates, type DuplicatePerson } from "@/lib/identity/find-duplicate-candidates";
import { CompareButton } from "./compare-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("duplicates"))("title") };
}

/** Candidate duplicates for identity resolution. PRIVACY_OFFICER and up. */
export default async function DuplicatesPage() {
  const user = await requireStaff("PRIVACY_OFFICER");
  const candidates = await findDuplicateCandidates({ actor: await actorFor(user, "STAFF") });
  const t = await getTranslations("duplicates");
  const who = (p: DuplicatePerson) => (
    <>
      <strong>{[p.givenName, p.familyName].filter(Boolean).join(" ") || t("noName")}</strong>
      <br />
      <span className="muted">{[p.email, p.phone, [p.postalCode, p.city].filter(Boolean).join(" ")].filter(Boolean).join(" · ") || "—"}</span>
    </>
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {candidates.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="duplicate-candidates">
            <thead>
              <tr>
                <th scope="col">{t("first")}</th>
                <th scope="col">{t("second")}</th>
                <th scope="col">{t("why")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("compare")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={`${c.a.id}:${c.b.id}`}>
                  <td>{who(c.a)}</td>
                  <td>{who(c.b)}</td>
                  <td>
                    {c.reasons.map((r) => (
                      <span key={r} className="badge">
                        {t(`reasons.${r}`)}
                      </span>
                    ))}
                  </td>
                  <td>
                    <CompareButton a={c.a.id} b={c.b.id} label={t("compareLabel", { a: c.a.familyName ?? c.a.id, b: c.b.familyName ?? c.b.id })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
