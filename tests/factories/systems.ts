// Connected systems and API keys with unique keys, created through the domain as an admin would.
import { randomUUID } from "node:crypto";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { ApiScope } from "@/lib/api-keys/scopes";
import type { Actor } from "@/lib/audit/actor";
import { createConnectedSystem } from "@/lib/propagation/create-connected-system";
import type { CreateConnectedSystemInput } from "@/lib/propagation/schemas";

export const systemAdmin: Actor = { kind: "STAFF", id: "admin-user", role: "ADMIN" };

export const uniqueSystemKey = (label = "sys") => `${label}-${randomUUID().slice(0, 8)}`;

export async function createSystem(overrides: Partial<CreateConnectedSystemInput> = {}) {
  const key = overrides.key ?? uniqueSystemKey();
  return createConnectedSystem({
    actor: systemAdmin,
    input: { name: `System ${key}`, kind: "CRM", webhookUrl: "", eventTypes: [], requiresErasureAck: false, ...overrides, key },
  });
}

export async function createKey(systemId: string, scopes: ApiScope[]) {
  return (await createApiKey({ actor: systemAdmin, systemId, input: { name: "test key", scopes } })).key;
}
