import { lockPerson } from "../consents/lock-person";
import type { Tx } from "../db/types";
import { AppError } from "../errors";
import { getNextExportTime } from "./get-next-export-time";

/**
 * Refuses a new export within EXPORT_MIN_INTERVAL_HOURS of the person's last one, whoever asks
 * (the person in the portal, an officer approving a request). Locks the person's row first so
 * two requests at once cannot both pass.
 */
export async function assertExportAllowed(tx: Tx, personId: string, now: Date): Promise<void> {
  await lockPerson(tx, personId);
  const next = await getNextExportTime(personId, now, tx);
  if (next) throw new AppError("RATE_LIMITED", "an export was made recently", { userMessage: "exportLimited" });
}
