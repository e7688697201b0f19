import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkInterfaces } from "node:os";
import { checkOutboundUrl, isPrivateAddress, serverAddresses } from "@/lib/propagation/check-outbound-address";
import { sendWebhook } from "@/lib/propagation/send-webhook";
import { startCaptureServer, type CaptureServer } from "../../support/http-servers";

const resolvesTo = (address: string) => async () => [{ address, family: address.includes(":") ? 6 : 4 }];

describe("isPrivateAddress", () => {
  it.each(["127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.255.254", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3"])(
    "%s is private",
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "::ffff:808:808", "2002:808:808::1", "2001:200::1", "2001:db9::1", "64:ff9c::1"])(
    "%s is public",
    (address) => expect(isPrivateAddress(address, [])).toBe(false),
  );

  // One address inside and the edges of every range of the IANA special-purpose registries.
  it.each([
    ["0.0.0.0/8", "0.1.2.3"], ["10.0.0.0/8", "10.9.8.7"], ["100.64.0.0/10", "100.127.255.254"], ["127.0.0.0/8", "127.255.255.255"],
    ["169.254.0.0/16", "169.254.0.1"], ["172.16.0.0/12", "172.20.0.1"], ["192.0.0.0/24", "192.0.0.8"], ["192.0.2.0/24", "192.0.2.10"],
    ["192.88.99.0/24", "192.88.99.1"], ["192.168.0.0/16", "192.168.255.1"], ["198.18.0.0/15", "198.19.255.255"],
    ["198.51.100.0/24", "198.51.100.7"], ["203.0.113.0/24", "203.0.113.99"], ["224.0.0.0/4", "239.255.255.250"],
    ["240.0.0.0/4", "250.1.2.3"], ["255.255.255.255/32", "255.255.255.255"],
    ["::/128", "::"], ["::1/128", "::1"], ["::/96 IPv4-compatible", "::8.8.8.8"], ["::/96 IPv4-compatible, hex", "::808:808"],
    ["::ffff:0:0/96 with a private IPv4", "::ffff:c000:20a"], ["::ffff:0:0/96 dotted", "::ffff:203.0.113.5"],
    ["64:ff9b::/96", "64:ff9b::808:808"], ["64:ff9b:1::/48", "64:ff9b:1:abcd::1"], ["100::/64", "100::1:2"],
    ["2001::/23 (Teredo)", "2001:0:4136:e378:8000:63bf:3fff:fdd2"], ["2001::/23 (upper end)", "2001:1ff::1"],
    ["2001:db8::/32", "2001:db8:85a3::8a2e:370:7334"], ["2002::/16 with a private IPv4", "2002:a00:1::1"],
    ["2002::/16 with a documentation IPv4", "2002:c633:6401::"], ["fc00::/7", "fdff:ffff::1"], ["fe80::/10", "febf::1"],
    ["fe80::/10 with a zone", "fe80::1%eth0"], ["ff00::/8", "ff02::1"], ["not an address", "example.com"],
  ])("%s: %s is refused", (_range, address) => expect(isPrivateAddress(address, [])).toBe(true));

  it("refuses the server's own addresses, also written as IPv4-mapped or 6to4", () => {
    const own = ["93.184.216.34", "2606:4700:4700::1111"];
    for (const address of ["93.184.216.34", "::ffff:93.184.216.34", "::ffff:5db8:d822", "2002:5db8:d822::1", "2606:4700:4700:0:0:0:0:1111"]) {
      expect(isPrivateAddress(address, own)).toBe(true);
    }
    expect(isPrivateAddress("93.184.216.35", own)).toBe(false);
  });

  it("knows this machine's interface addresses by default", () => {
    const mine = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    expect(serverAddresses()).toEqual(mine);
    for (const address of mine) expect(isPrivateAddress(address)).toBe(true);
  });
});

describe("checkOutboundUrl", () => {
  it.each([
    ["http://127.0.0.1:8080/hook", undefined],
    ["http://10.1.2.3/hook", undefined],
    ["http://[::1]/hook", undefined],
    ["http://internal.example/hook", resolvesTo("10.20.30.40")],
    ["https://loopback.example/hook", resolvesTo("127.0.0.1")],
    ["http://metadata.example/", resolvesTo("169.254.169.254")],
    ["http://192.0.2.1/hook", undefined],
    ["http://198.51.100.1/hook", undefined],
    ["http://203.0.113.1/hook", undefined],
    ["http://[::7f00:1]/hook", undefined],
    ["http://[::ffff:127.0.0.1]/hook", undefined],
    ["http://[2002:7f00:1::]/hook", undefined],
    ["http://docs.example/hook", resolvesTo("2001:db8::1")],
  ])("refuses %s when private networks are not allowed", async (url, lookup) => {
    await expect(checkOutboundUrl(url, { allowPrivate: false, lookup })).rejects.toThrow(/private/);
  });

  it("allows them when private networks are allowed, and public addresses always", async () => {
    await expect(checkOutboundUrl("http://internal.example/hook", { allowPrivate: true, lookup: resolvesTo("10.20.30.40") })).resolves.toHaveLength(1);
    await expect(checkOutboundUrl("https://receiver.example/hook", { allowPrivate: false, lookup: resolvesTo("93.184.216.34") })).resolves.toEqual([{ address: "93.184.216.34", family: 4 }]);
  });

  it("refuses a host that resolves to one of the server's own public addresses", async () => {
    const check = checkOutboundUrl("https://self.example/hook", { allowPrivate: false, lookup: resolvesTo("93.184.216.34"), ownAddresses: ["93.184.216.34"] });
    await expect(check).rejects.toThrow(/own address/);
  });

  it("refuses a host with any private address among its answers, other schemes and credentials", async () => {
    const mixed = async () => [{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.1", family: 4 }];
    await expect(checkOutboundUrl("https://mixed.example/", { allowPrivate: false, lookup: mixed })).rejects.toThrow(/private/);
    await expect(checkOutboundUrl("ftp://93.184.216.34/", { allowPrivate: true })).rejects.toThrow(/http/);
    await expect(checkOutboundUrl("https://user:pw@93.184.216.34/", { allowPrivate: true })).rejects.toThrow(/credentials/);
    await expect(checkOutboundUrl("not a url", { allowPrivate: true })).rejects.toThrow(/URL/);
  });
});

describe("sendWebhook", () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(async () => server.close());

  it("does not call a loopback receiver when private networks are not allowed", async () => {
    const result = await sendWebhook({ url: server.url, body: "{}", headers: {}, timeoutMs: 1000, allowPrivate: false });
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/^refused: .*private/);
    expect(server.requests).toHaveLength(0);
  });

  it("calls it when allowed, follows no redirect, keeps a short snippet and gives up at the timeout", async () => {
    server.respond = () => 302;
    const redirected = await sendWebhook({ url: server.url, body: "{\"a\":1}", headers: { "webhook-id": "msg_1" }, timeoutMs: 1000, allowPrivate: true });
    expect(redirected).toMatchObject({ statusCode: 302, error: null, responseSnippet: "status 302" });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ body: "{\"a\":1}", headers: { "webhook-id": "msg_1", "content-type": "application/json" } });

    server.respond = () => null;
    const slow = await sendWebhook({ url: server.url, body: "{}", headers: {}, timeoutMs: 300, allowPrivate: true });
    expect(slow).toMatchObject({ statusCode: null, error: "timeout after 300 ms" });
    expect(slow.durationMs).toBeGreaterThanOrEqual(290);
  });
});
