// Webhook URLs are typed in by admins and resolved by the server: without a check, a URL could
// make the worker call the server's own network (cloud metadata, databases, admin ports) or the
// server itself through one of its public addresses.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";

type Range = readonly [bytes: number[], prefixBits: number];

// IANA IPv4 Special-Purpose Address Registry (RFC 6890 and successors), every entry refused,
// including those marked globally reachable (they are anycast relays or documentation).
const ipv4Ranges: Range[] = (
  [
    ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
    ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
    ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4], ["255.255.255.255", 32],
  ] as const
).map(([network, bits]) => [parseIPv4(network)!, bits] as const);

// IANA IPv6 Special-Purpose Address Registry. ::ffff:0:0/96 and 2002::/16 are not listed: their
// embedded IPv4 address decides. ::/96 (IPv4-compatible, deprecated) covers :: and ::1.
const ipv6Ranges: Range[] = (
  [
    ["::", 96], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 23], ["2001:db8::", 32],
    ["fc00::", 7], ["fe80::", 10], ["ff00::", 8],
  ] as const
).map(([network, bits]) => [parseIPv6(network)!, bits] as const);

function parseIPv4(address: string): number[] | null {
  const parts = address.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

/** 16 bytes of an IPv6 address (with or without an embedded dotted IPv4 tail), or null. */
function parseIPv6(address: string): number[] | null {
  let text = address.toLowerCase();
  let tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIPv4(dotted[2]!);
    if (!v4) return null;
    tail = v4;
    text = dotted[1]!.endsWith("::") ? dotted[1]! : dotted[1]!.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - tail.length / 2 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(missing).fill("0"), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return [...all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]), ...tail];
}

function inRange(bytes: number[], [network, bits]: Range): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const mask = bits - i * 8 >= 8 ? 0xff : (0xff << (8 - (bits - i * 8))) & 0xff;
    if ((bytes[i]! & mask) !== (network[i]! & mask)) return false;
  }
  return true;
}

/** The bytes of an IPv4 address carried inside an IPv6 one (IPv4-mapped, 6to4), else null. */
function embeddedIPv4(bytes: number[]): number[] | null {
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return null;
}

function toBytes(address: string): number[] | null {
  const bare = address.replace(/%.*$/, ""); // a zone id names an interface, not an address
  return isIP(bare) === 4 ? parseIPv4(bare) : isIP(bare) === 6 ? parseIPv6(bare) : null;
}

/** The addresses of this machine's interfaces: a webhook to one of them calls the server itself. */
export function serverAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
}

function sameBytes(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Special-purpose (IANA IPv4/IPv6 registries), unparseable, or one of the server's own
 * addresses: not a public internet address a webhook may be sent to.
 */
export function isPrivateAddress(address: string, ownAddresses: string[] = serverAddresses()): boolean {
  const bytes = toBytes(address);
  if (!bytes) return true;
  const own = ownAddresses.map(toBytes).filter((b): b is number[] => b !== null);
  const refused = (b: number[]): boolean => {
    if (own.some((o) => sameBytes(o, b))) return true;
    if (b.length === 4) return ipv4Ranges.some((r) => inRange(b, r));
    const v4 = embeddedIPv4(b);
    if (v4) return refused(v4);
    return ipv6Ranges.some((r) => inRange(b, r));
  };
  return refused(bytes);
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
export async function checkOutboundUrl(
  url: string,
  options: { allowPrivate: boolean; lookup?: Lookup; ownAddresses?: string[] },
): Promise<LookupAddress[]> {
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
  const own = options.ownAddresses ?? serverAddresses();
  if (!options.allowPrivate && addresses.some((a) => isPrivateAddress(a.address, own))) {
    throw new OutboundRefusedError("private, special-purpose or the server's own address (WEBHOOK_ALLOW_PRIVATE_NETWORKS=false)");
  }
  return addresses;
}
