import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { findDuplicateCandidates, type DuplicateCandidate, type DuplicatePerson } from "@/lib/identity/find-duplicate-candidates";
import { CompareButton } from "./compare-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("duplicates"))("title") };
}

/** Candidate duplicates for identity resolution: those an import recorded (with the import and line) and those computed. PRIVACY_OFFICER and up. */
export default async function DuplicatesPage() {
  const user = await requireStaff("PRIVACY_OFFICER");
  const candidates = await findDuplicateCandidates({ actor: await actorFor(user, "STAFF") });
  const t = await getTranslations("duplicates");
  const name = (p: DuplicatePerson) => [p.givenName, p.familyName].filter(Boolean).join(" ") || t("noName");
  const who = (p: DuplicatePerson) => (
    <>
      <strong>{name(p)}</strong>
      <span className="muted">{[p.email, p.phone, [p.postalCode, p.city].filter(Boolean).join(" ")].filter(Boolean).join(" · ") || "—"}</span>
    </>
  );
  // What the two share, in words: the evidence an officer checks before merging.
  const shared = (c: DuplicateCandidate, reason: string) => {
    if (reason === "phone" && c.a.phone) return t("sharedPhone", { phone: c.a.phone });
    if (reason === "email" && c.a.email) return t("sharedEmail", { email: c.a.email });
    if (reason === "namePostalCode" && c.a.postalCode) return t("sharedNamePostalCode", { first: name(c.a), second: name(c.b), postalCode: c.a.postalCode });
    return t.has(`reasons.${reason}`) ? t(`reasons.${reason}` as "reasons.email") : t("otherReason");
  };
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {candidates.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        // One card per pair rather than a table: two records and their evidence side by side do not fit a phone's width.
        <ul data-testid="duplicate-candidates" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {candidates.map((c) => (
            <li key={`${c.a.id}:${c.b.id}`} className="card" data-recorded={c.recorded ? "true" : undefined} style={{ overflowWrap: "anywhere" }}>
              <dl className="fields">
                <div className="field-row">
                  <dt>{t("first")}</dt>
                  <dd>{who(c.a)}</dd>
                </div>
                <div className="field-row">
                  <dt>{t("second")}</dt>
                  <dd>{who(c.b)}</dd>
                </div>
                <div className="field-row">
                  <dt>{t("evidence")}</dt>
                  <dd>
                    {c.reasons.map((r) => (
                      <span key={r}>{shared(c, r)}</span>
                    ))}
                    {c.recorded && (
                      <span className="muted" data-testid="recorded-by">
                        {c.recorded.fileName && c.recorded.line ? t("recordedBy", { file: c.recorded.fileName, line: c.recorded.line }) : t("recordedByImport")}
                        {c.recorded.importJobId && user.role === "ADMIN" && (
                          <>
                            {" "}
                            <Link href={`/admin/import/jobs/${c.recorded.importJobId}`}>{t("openImport")}</Link>
                          </>
                        )}
                      </span>
                    )}
                  </dd>
                </div>
              </dl>
              <CompareButton a={c.a.id} b={c.b.id} label={t("compareLabel", { a: name(c.a), b: name(c.b) })} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
