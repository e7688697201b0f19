// Connected systems and API keys with unique keys, created through the domain as an admin would.
import { randomUUID } from "node:crypto";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { ApiScope } from "@/lib/api-keys/scopes";
import type { Actor } from "@/lib/audit/actor";
import { createConnectedSystem } from "@/lib/propagation/create-connected-system";
import type { CreateConnectedSystemInput } from "@/lib/propagation/schemas";

export const systemAdmin: Actor = { kind: "STAFF", id: "admin-user", role: "ADMIN" };

export const uniqueSystemKey = (label = "sys") => `${label}-${randomUUID().slice(0, 8)}`;

/** A webhook system comes with its signing secret; a manual one has none. */
export async function createSystem(overrides: Partial<CreateConnectedSystemInput> & { manual: true }): Promise<{ id: string; key: string; secret: null }>;
export async function createSystem(overrides?: Partial<CreateConnectedSystemInput>): Promise<{ id: string; key: string; secret: string }>;
export async function createSystem(overrides: Partial<CreateConnectedSystemInput> = {}) {
  const key = overrides.key ?? uniqueSystemKey();
  const created = await createConnectedSystem({
    actor: systemAdmin,
    input: { name: `System ${key}`, kind: "CRM", webhookUrl: "", eventTypes: [], requiresErasureAck: false, ...overrides, key },
  });
  if ((created.secret === null) !== (overrides.manual === true)) throw new Error("a webhook system has a signing secret, a manual one none");
  return created;
}

export async function createKey(systemId: string, scopes: ApiScope[]) {
  return (await createApiKey({ actor: systemAdmin, systemId, input: { name: "test key", scopes } })).key;
}
