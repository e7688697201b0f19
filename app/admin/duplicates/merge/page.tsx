import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { getMergePreview } from "@/lib/identity/get-merge-preview";
import { CompareButton } from "../compare-button";
import { MergeForm } from "./merge-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("duplicates"))("mergeTitle") };
}

/** Two records side by side and the merge form. PRIVACY_OFFICER and up, after "Compare" (audited). */
export default async function MergePage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string }> }) {
  const user = await requireStaff("PRIVACY_OFFICER");
  const { a, b } = await searchParams;
  if (!a || !b || a === b) notFound();
  const t = await getTranslations("duplicates");
  let preview;
  try {
    preview = await getMergePreview({ actor: await actorFor(user, "STAFF"), ids: [a, b] });
  } catch (error) {
    if (isAppError(error) && error.options.userMessage === "reasonRequired") {
      return (
        <div className="card">
          <h1>{t("mergeTitle")}</h1>
          <p>{t("compareFirst")}</p>
          <CompareButton a={a} b={b} label={t("compare")} />
        </div>
      );
    }
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [first, second] = preview;
  // A person is named, never shown by id.
  const label = (side: typeof first) => [side.values.givenName, side.values.familyName].filter(Boolean).join(" ") || side.values.email || t("noName");
  const counts = (side: typeof first) => t("brings", { ...side.counts, account: side.hasAccount ? t("withAccount") : "" });
  return (
    <>
      <h1>{t("mergeTitle")}</h1>
      <p className="muted">{t("mergeIntro")}</p>
      <ul className="card" style={{ overflowWrap: "anywhere" }}>
        <li>
          {t("first")}: <Link href={`/admin/persons/${first.id}`}>{label(first)}</Link> — {counts(first)}
        </li>
        <li>
          {t("second")}: <Link href={`/admin/persons/${second.id}`}>{label(second)}</Link> — {counts(second)}
        </li>
      </ul>
      {first.hasAccount && second.hasAccount ? (
        // Said before anything is chosen: the merge would be refused, and here is what to do instead.
        <section className="card warning" aria-labelledby="both-accounts-title" data-testid="both-accounts">
          <h2 id="both-accounts-title">{t("bothAccountsTitle")}</h2>
          <p>{t("bothAccountsWhy")}</p>
          <p>{t("bothAccountsNext")}</p>
          <p>
            <Link href="/admin/requests/new">{t("bothAccountsRequestLink")}</Link>
          </p>
        </section>
      ) : (
        <div className="card">
          <MergeForm a={first} b={second} />
        </div>
      )}
    </>
  );
}
