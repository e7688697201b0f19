import { createHmac } from "node:crypto";
import type { Role } from "../db/generated/enums";

/** Who did something: the person themselves, a staff member, a connected system, the worker. */
export type ActorKind = "PERSON" | "STAFF" | "SYSTEM" | "WORKER" | "ANONYMOUS";

export interface Actor {
  kind: ActorKind;
  /** User id (PERSON, STAFF), connected system id (SYSTEM), worker id, or null. */
  id: string | null;
  role?: Role;
  /** Keyed hash of the request's IP address: linkable within the trail, not reversible to the address. */
  ipHash?: string | null;
  /** A SYSTEM actor's API key scopes, for domain functions that admit a system as well as staff. */
  scopes?: readonly string[];
}

export const workerActor = (id = "worker"): Actor => ({ kind: "WORKER", id });

/** Hashes an IP address with a secret key, so the trail never holds the address itself. */
export function hashIp(ip: string | null | undefined, secret: string): string | null {
  if (!ip) return null;
  return createHmac("sha256", secret).update(`ip:${ip}`).digest("hex").slice(0, 32);
}
