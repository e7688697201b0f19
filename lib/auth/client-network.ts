import { isIPv4, isIPv6 } from "node:net";

/**
 * The client's network, for limits that must not let one network lock out everyone else:
 * an IPv4 /24, an IPv6 /56 (a typical customer allocation). IPv4-mapped IPv6 counts as IPv4.
 * Anything unreadable shares one "unknown" bucket.
 */
export function clientNetwork(ip: string | null): string {
  if (!ip) return "unknown";
  const bare = ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (isIPv4(bare)) return `${bare.split(".").slice(0, 3).join(".")}.0/24`;
  if (!isIPv6(bare)) return "unknown";
  const groups = expandIPv6(bare.replace(/%.*$/, ""));
  // /56: the first three groups and the high byte of the fourth.
  const fourth = (parseInt(groups[3]!, 16) & 0xff00).toString(16);
  return `${groups.slice(0, 3).map((g) => parseInt(g, 16).toString(16)).join(":")}:${fourth}::/56`;
}

function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.includes("::") ? ip.split("::") : [ip, undefined];
  const part = (s: string | undefined) => (s ? s.split(":") : []);
  const toGroups = (items: string[]) =>
    items.flatMap((g) => {
      if (!g.includes(".")) return [g];
      const [a, b, c, d] = g.split(".").map(Number) as [number, number, number, number];
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  const left = toGroups(part(head));
  const right = toGroups(part(tail));
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right];
}
