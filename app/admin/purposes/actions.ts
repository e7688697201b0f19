"use server";

import { z } from "zod";
import { idIn, untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { createPurpose } from "@/lib/consents/create-purpose";
import { createPurposeVersion } from "@/lib/consents/create-purpose-version";
import { publishPurposeVersion } from "@/lib/consents/publish-purpose-version";
import { retirePurpose } from "@/lib/consents/retire-purpose";
import type { PurposeTexts } from "@/lib/consents/schemas";

// Purposes are managed by admins: each action checks the role, and the domain checks it again.

/** The list, and the purpose's own page when the key is one. */
const purposePaths = (purposeKey: string) => ["/admin/purposes", ...(purposeKey ? [`/admin/purposes/${purposeKey}`] : [])];

/** The new-purpose form: a comma-separated list of personal data kinds becomes piiCategories. */
export const createPurposeAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([untrusted<Record<string, unknown> & { piiCategories?: string }>()]),
  handler: async ({ actor, args: [values] }) => {
    const form = (values ?? {}) as Record<string, unknown>;
    const { piiCategories = "", sortOrder = 0 } = form;
    const input = {
      ...form,
      piiCategories: typeof piiCategories === "string" ? piiCategories.split(",").map((s) => s.trim()).filter(Boolean) : piiCategories,
      sortOrder: typeof sortOrder === "string" ? Number(sortOrder) : sortOrder,
    };
    return { purposeKey: (await createPurpose({ actor, input })).purposeKey };
  },
  revalidate: ["/admin/purposes"],
});

/** Saves the texts of the purpose's draft (creating the next draft after a publication). */
export const saveDraftAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([untrusted<{ purposeKey: string; texts: PurposeTexts }>()]),
  handler: ({ actor, args: [values] }) => createPurposeVersion({ actor, input: values }),
  revalidate: ([values]) => purposePaths(idIn(values, "purposeKey")),
});

/** Publishes the draft; a material version makes earlier grants need renewal. */
export const publishVersionAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([untrusted<{ purposeKey: string; version: number; material: boolean }>()]),
  handler: ({ actor, args: [values] }) => publishPurposeVersion({ actor, input: values }),
  revalidate: ([values]) => purposePaths(idIn(values, "purposeKey")),
});

export const retirePurposeAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([untrusted<string>()]),
  handler: ({ actor, args: [purposeKey] }) => retirePurpose({ actor, input: { purposeKey } }),
  revalidate: ([purposeKey]) => purposePaths(idIn({ purposeKey }, "purposeKey")),
});
