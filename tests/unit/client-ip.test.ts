import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIpFrom, isLoopback } from "@/lib/auth/client-ip";

describe("client address", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.1", false],
    ["192.168.1.5", false],
    ["::ffff:10.0.0.1", false],
    ["", false],
    [null, false],
  ])("%s is loopback: %s", (ip, expected) => {
    expect(isLoopback(ip)).toBe(expected);
  });

  it("reads only the header the server sets from the socket", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBeNull();
    expect(clientIpFrom(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.7" }))).toBe("203.0.113.7");
  });
});
