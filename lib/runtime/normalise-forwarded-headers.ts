import type { IncomingHttpHeaders } from "node:http";
import { CLIENT_IP_HEADER } from "../auth/client-ip";

/** What the server knows about one connection, from its socket. */
export interface ConnectionFacts {
  /** The connection is TLS (this server serves HTTPS itself). */
  encrypted: boolean;
  remoteAddress: string | undefined;
  /** TRUST_PROXY: a reverse proxy in front sets X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy: boolean;
}

/** A forwarding header's last hop: the one the trusted proxy itself added. */
const lastHop = (value: string | string[] | undefined) => String(value ?? "").split(",").pop()?.trim() ?? "";

/**
 * Rewrites the request's forwarding headers to what the server can vouch for, before Next.js
 * sees them: the client address (CLIENT_IP_HEADER) and the scheme (X-Forwarded-Proto, which
 * Next.js and proxy.ts read for HSTS) come from the socket, or from a trusted proxy's last hop.
 * Without a trusted proxy, a client's own X-Forwarded-Host/-Port are dropped too, so Next.js
 * compares a server action's Origin with the real Host.
 */
export function normaliseForwardedHeaders(headers: IncomingHttpHeaders, connection: ConnectionFacts): void {
  const own = connection.encrypted ? "https" : "http";
  if (connection.trustProxy) {
    headers[CLIENT_IP_HEADER] = lastHop(headers["x-forwarded-for"]) || connection.remoteAddress || "";
    const proto = lastHop(headers["x-forwarded-proto"]).toLowerCase();
    headers["x-forwarded-proto"] = proto === "https" || proto === "http" ? proto : own;
    return;
  }
  headers[CLIENT_IP_HEADER] = connection.remoteAddress || "";
  headers["x-forwarded-proto"] = own;
  delete headers["x-forwarded-host"];
  delete headers["x-forwarded-port"];
}
