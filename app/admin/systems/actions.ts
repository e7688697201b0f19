"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { parseActionId } from "@/lib/parse-action-id";
import { createConnectedSystem } from "@/lib/propagation/create-connected-system";
import { replayDelivery } from "@/lib/propagation/replay-delivery";
import { replayFailedDeliveries } from "@/lib/propagation/replay-failed-deliveries";
import { rotateWebhookSecret } from "@/lib/propagation/rotate-webhook-secret";
import { sendTestEvent } from "@/lib/propagation/send-test-event";
import { updateConnectedSystem } from "@/lib/propagation/update-connected-system";

// Every action checks the role itself: the layout's guard does not protect server actions.
const admin = async () => actorFor(await requireStaff("ADMIN"), "STAFF");

/** The secret comes back once, to be shown once. */
export async function createSystemAction(values: unknown) {
  const actor = await admin();
  const result = await toActionResult(() => createConnectedSystem({ actor, input: values }));
  if (result.ok) revalidatePath("/admin/systems");
  return result;
}

export async function updateSystemAction(systemId: string, values: unknown) {
  const actor = await admin();
  const result = await toActionResult(() => updateConnectedSystem({ actor, systemId: parseActionId(systemId), input: values }));
  if (result.ok) revalidatePath("/admin/systems", "layout");
  return result;
}

export async function rotateSecretAction(systemId: string) {
  const actor = await admin();
  const result = await toActionResult(() => rotateWebhookSecret({ actor, systemId: parseActionId(systemId) }));
  if (result.ok) revalidatePath(`/admin/systems/${systemId}`);
  return result;
}

export async function sendTestEventAction(systemId: string) {
  const actor = await admin();
  return toActionResult(() => sendTestEvent({ actor, systemId: parseActionId(systemId) }));
}

export async function createApiKeyAction(systemId: string, values: unknown) {
  const actor = await admin();
  const result = await toActionResult(() => createApiKey({ actor, systemId: parseActionId(systemId), input: values }));
  if (result.ok) revalidatePath(`/admin/systems/${systemId}`);
  return result;
}

export async function revokeApiKeyAction(systemId: string, keyId: string) {
  const actor = await admin();
  const result = await toActionResult(() => revokeApiKey({ actor, systemId: parseActionId(systemId), keyId: parseActionId(keyId) }));
  if (result.ok) revalidatePath(`/admin/systems/${systemId}`);
  return result;
}

export async function replayDeliveryAction(deliveryId: string) {
  const actor = await admin();
  const result = await toActionResult(() => replayDelivery({ actor, deliveryId: parseActionId(deliveryId) }));
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function replayFailedAction(systemId: string) {
  const actor = await admin();
  const result = await toActionResult(() => replayFailedDeliveries({ actor, systemId: parseActionId(systemId) }));
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}
