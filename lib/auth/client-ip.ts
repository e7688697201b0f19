/**
 * The client address as the server saw it. The server (scripts/server.ts) sets
 * `x-omadata-client-ip` from the socket, or from the proxy's X-Forwarded-For when
 * TRUST_PROXY is on, and drops any value a client sent itself.
 */
export const CLIENT_IP_HEADER = "x-omadata-client-ip";

export function clientIpFrom(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER);
}

export function isLoopback(ip: string | null): boolean {
  if (!ip) return false;
  const bare = ip.replace(/^::ffff:/, "");
  return bare === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}
