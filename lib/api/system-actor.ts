import { hashIp, type Actor } from "../audit/actor";
import { clientIpFrom } from "../auth/client-ip";
import type { ApiPrincipal } from "../api-keys/authenticate-api-key";
import { getConfig } from "../config";

/** The audit actor of an API call: the connected system, with the caller's address hashed. */
export const systemActor = (principal: ApiPrincipal, request: Request): Actor => ({
  kind: "SYSTEM",
  id: principal.systemId,
  scopes: principal.scopes,
  ipHash: hashIp(clientIpFrom(request.headers), getConfig().AUTH_SECRET!),
});
