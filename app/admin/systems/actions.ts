"use server";

import { z } from "zod";
import { idArg } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { createConnectedSystem } from "@/lib/propagation/create-connected-system";
import { replayDelivery } from "@/lib/propagation/replay-delivery";
import { replayFailedDeliveries } from "@/lib/propagation/replay-failed-deliveries";
import { rotateWebhookSecret } from "@/lib/propagation/rotate-webhook-secret";
import { sendTestEvent } from "@/lib/propagation/send-test-event";
import { updateConnectedSystem } from "@/lib/propagation/update-connected-system";

// Connected systems are managed by admins: each action checks the role (the layout's guard does
// not protect server actions), and the domain checks it again. Form values are parsed by the domain.

const systemPage = ([systemId]: readonly [string, ...unknown[]]) => [`/admin/systems/${systemId}`];

/** The secret comes back once, to be shown once. */
export const createSystemAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([z.unknown()]),
  handler: ({ actor, args: [values] }) => createConnectedSystem({ actor, input: values }),
  revalidate: ["/admin/systems"],
});

export const updateSystemAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg(), z.unknown()]),
  handler: ({ actor, args: [systemId, values] }) => updateConnectedSystem({ actor, systemId, input: values }),
  revalidate: [["/admin/systems", "layout"]],
});

export const rotateSecretAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg()]),
  handler: ({ actor, args: [systemId] }) => rotateWebhookSecret({ actor, systemId }),
  revalidate: systemPage,
});

export const sendTestEventAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg()]),
  handler: ({ actor, args: [systemId] }) => sendTestEvent({ actor, systemId }),
});

export const createApiKeyAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg(), z.unknown()]),
  handler: ({ actor, args: [systemId, values] }) => createApiKey({ actor, systemId, input: values }),
  revalidate: systemPage,
});

export const revokeApiKeyAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg(), idArg()]),
  handler: ({ actor, args: [systemId, keyId] }) => revokeApiKey({ actor, systemId, keyId }),
  revalidate: systemPage,
});

export const replayDeliveryAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg()]),
  handler: ({ actor, args: [deliveryId] }) => replayDelivery({ actor, deliveryId }),
  revalidate: [["/admin", "layout"]],
});

export const replayFailedAction = defineAction({
  caller: "ADMIN",
  args: z.tuple([idArg()]),
  handler: ({ actor, args: [systemId] }) => replayFailedDeliveries({ actor, systemId }),
  revalidate: [["/admin", "layout"]],
});
