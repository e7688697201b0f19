// Webhook URLs are typed in by admins and resolved by the server: without a check, a URL could
// make the worker call the server's own network (cloud metadata, databases, admin ports).
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96], ["2001:db8::", 32],
] as const) blocked.addSubnet(network, prefix, "ipv6");

/** Private, loopback, link-local, multicast or reserved: not a public internet address. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

export const systemLookup: Lookup = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export class OutboundRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "OutboundRefusedError";
  }
}

/**
 * Resolves the URL's host and refuses it when any of its addresses is private (unless allowed).
 * Returns the addresses, so the caller connects to exactly what was checked.
 */
export async function checkOutboundUrl(url: string, options: { allowPrivate: boolean; lookup?: Lookup }): Promise<LookupAddress[]> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OutboundRefusedError("not a URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new OutboundRefusedError("only http and https URLs");
  if (parsed.username || parsed.password) throw new OutboundRefusedError("credentials in the URL");
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = isIP(host);
  let addresses: LookupAddress[];
  try {
    addresses = literal ? [{ address: host, family: literal }] : await (options.lookup ?? systemLookup)(host);
  } catch {
    throw new OutboundRefusedError("host does not resolve");
  }
  if (addresses.length === 0) throw new OutboundRefusedError("host does not resolve");
  if (!options.allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) {
    throw new OutboundRefusedError("private, loopback or link-local address (WEBHOOK_ALLOW_PRIVATE_NETWORKS=false)");
  }
  return addresses;
}
