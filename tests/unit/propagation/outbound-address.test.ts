import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutboundUrl, isPrivateAddress } from "@/lib/propagation/check-outbound-address";
import { sendWebhook } from "@/lib/propagation/send-webhook";
import { startCaptureServer, type CaptureServer } from "../../support/http-servers";

const resolvesTo = (address: string) => async () => [{ address, family: address.includes(":") ? 6 : 4 }];

describe("isPrivateAddress", () => {
  it.each(["127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.255.254", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3"])(
    "%s is private",
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) => expect(isPrivateAddress(address)).toBe(false));
});

describe("checkOutboundUrl", () => {
  it.each([
    ["http://127.0.0.1:8080/hook", undefined],
    ["http://10.1.2.3/hook", undefined],
    ["http://[::1]/hook", undefined],
    ["http://internal.example/hook", resolvesTo("10.20.30.40")],
    ["https://loopback.example/hook", resolvesTo("127.0.0.1")],
    ["http://metadata.example/", resolvesTo("169.254.169.254")],
  ])("refuses %s when private networks are not allowed", async (url, lookup) => {
    await expect(checkOutboundUrl(url, { allowPrivate: false, lookup })).rejects.toThrow(/private/);
  });

  it("allows them when private networks are allowed, and public addresses always", async () => {
    await expect(checkOutboundUrl("http://internal.example/hook", { allowPrivate: true, lookup: resolvesTo("10.20.30.40") })).resolves.toHaveLength(1);
    await expect(checkOutboundUrl("https://receiver.example/hook", { allowPrivate: false, lookup: resolvesTo("93.184.216.34") })).resolves.toEqual([{ address: "93.184.216.34", family: 4 }]);
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
