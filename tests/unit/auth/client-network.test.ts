import { describe, expect, it } from "vitest";
import { clientNetwork } from "@/lib/auth/client-network";

describe("clientNetwork", () => {
  it("groups IPv4 by /24, IPv4-mapped IPv6 as IPv4", () => {
    expect(clientNetwork("203.0.113.5")).toBe("203.0.113.0/24");
    expect(clientNetwork("::ffff:203.0.113.77")).toBe("203.0.113.0/24");
  });

  it("groups IPv6 by /56 however the address is written", () => {
    expect(clientNetwork("2001:db8:1:200::1")).toBe("2001:db8:1:200::/56");
    expect(clientNetwork("2001:0DB8:0001:02ff:0:0:0:9")).toBe("2001:db8:1:200::/56");
    expect(clientNetwork("2001:db8:1:300::1")).toBe("2001:db8:1:300::/56");
    expect(clientNetwork("::1")).toBe("0:0:0:0::/56");
  });

  it("puts missing or unreadable addresses in one bucket", () => {
    expect(clientNetwork(null)).toBe("unknown");
    expect(clientNetwork("not-an-ip")).toBe("unknown");
  });
});
