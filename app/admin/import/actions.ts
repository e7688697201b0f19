"use server";

import { z } from "zod";
import { idArg, untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { cancelImportJob } from "@/lib/import/cancel-import-job";
import { getImportFile } from "@/lib/import/get-import-file";
import { getImportMappingPreset } from "@/lib/import/get-import-mapping-preset";
import type { StartImportInput } from "@/lib/import/schemas";
import { startImportJob } from "@/lib/import/start-import-job";
import { initialMapping } from "./[fileId]/initial-mapping";

// Imports are run by admins: each action checks the role, and the domain checks it again.

/** Queues a dry run or the import of an uploaded file with its column mapping. */
export const startImportAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([untrusted<StartImportInput>()]),
  handler: ({ actor, args: [values] }) => startImportJob({ actor, input: values }),
  revalidate: ["/admin/import"],
});

/** The mapping saved for a source system, fitted to this file's columns (null when none applies): offered when the source is changed. */
export const loadMappingPresetAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg(), idArg()]),
  handler: async ({ actor, args: [fileId, system] }) => {
    const file = await getImportFile({ actor, fileId });
    const preset = await getImportMappingPreset({ actor, columns: file.columns, system });
    if (!preset) return null;
    return { ...initialMapping({ columns: file.columns, purposes: file.purposeTitles, systems: file.systems, last: null, preset }), kept: preset.kept, saved: preset.saved, updatedAt: preset.updatedAt.toISOString() };
  },
});

export const cancelImportAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg()]),
  handler: ({ actor, args: [jobId] }) => cancelImportJob({ actor, jobId }),
  revalidate: ([jobId]) => [`/admin/import/jobs/${jobId}`],
});
