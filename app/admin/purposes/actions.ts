"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { createPurpose } from "@/lib/consents/create-purpose";
import { createPurposeVersion } from "@/lib/consents/create-purpose-version";
import { publishPurposeVersion } from "@/lib/consents/publish-purpose-version";
import { retirePurpose } from "@/lib/consents/retire-purpose";
import type { PurposeTexts } from "@/lib/consents/schemas";

// Purposes are managed by admins: each action checks the role, and the domain checks it again.

async function admin() {
  return actorFor(await requireStaff("ADMIN"), "STAFF");
}

function done<T>(purposeKey: unknown, result: T) {
  revalidatePath("/admin/purposes");
  if (typeof purposeKey === "string" && purposeKey) revalidatePath(`/admin/purposes/${purposeKey}`);
  return result;
}

/** The new-purpose form: a comma-separated list of personal data kinds becomes piiCategories. */
export async function createPurposeAction(values: Record<string, unknown> & { piiCategories?: string }) {
  const actor = await admin();
  const { piiCategories = "", sortOrder = 0 } = values ?? {};
  const input = {
    ...values,
    piiCategories: typeof piiCategories === "string" ? piiCategories.split(",").map((s) => s.trim()).filter(Boolean) : piiCategories,
    sortOrder: typeof sortOrder === "string" ? Number(sortOrder) : sortOrder,
  };
  const result = await toActionResult(async () => ({ purposeKey: (await createPurpose({ actor, input })).purposeKey }));
  return done(undefined, result);
}

/** Saves the texts of the purpose's draft (creating the next draft after a publication). */
export async function saveDraftAction(values: { purposeKey: string; texts: PurposeTexts }) {
  const actor = await admin();
  return done(values?.purposeKey, await toActionResult(() => createPurposeVersion({ actor, input: values })));
}

/** Publishes the draft; a material version makes earlier grants need renewal. */
export async function publishVersionAction(values: { purposeKey: string; version: number; material: boolean }) {
  const actor = await admin();
  return done(values?.purposeKey, await toActionResult(() => publishPurposeVersion({ actor, input: values })));
}

export async function retirePurposeAction(purposeKey: string) {
  const actor = await admin();
  return done(purposeKey, await toActionResult(() => retirePurpose({ actor, input: { purposeKey } })));
}
