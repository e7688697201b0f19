/**
 * How a person's corrections reach a system, as the portal tells them: "automatic" when it is
 * sent webhooks of corrections (person.updated), "manual" when its owner is given a task for
 * each rectification, restriction and erasure, otherwise "none" (the person's id there is known,
 * but nothing is sent to it). Unknown: a system that is not (or no longer) connected.
 */
export type SystemUpdates = "automatic" | "manual" | "none";

export function howSystemUpdates(system: { manual: boolean; webhookUrl: string | null; eventTypes: string[] } | undefined): SystemUpdates {
  if (!system) return "none";
  if (system.manual) return "manual";
  return system.webhookUrl && system.eventTypes.includes("person.updated") ? "automatic" : "none";
}
