import type { WorkerJob } from "../worker/run-worker";
import { sequencerPass } from "./sign-audit-checkpoint";

/**
 * The worker's audit sequencer: every pass seals committed entries into the chain and signs a
 * checkpoint every AUDIT_CHECKPOINT_SECONDS while the chain grows. Workers take turns through an
 * advisory lock; the one without it passes.
 */
export const auditSequencerJob: WorkerJob = {
  name: "audit.sequence",
  run: async (prisma, now) => (await sequencerPass(prisma, now)).more,
};
