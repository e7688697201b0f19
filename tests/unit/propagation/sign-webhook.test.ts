import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { signWebhook } from "@/lib/propagation/sign-webhook";
import { verifyWebhook } from "@/scripts/example-receiver";

const secret = (byte: number) => `whsec_${Buffer.alloc(32, byte).toString("base64")}`;

describe("signWebhook", () => {
  it("signs per Standard Webhooks: the standardwebhooks package verifies it, and not a changed body", () => {
    const body = JSON.stringify({ id: "evt_1", type: "person.updated", personId: "p", sequence: 3, externalIds: {}, data: {} });
    const headers = signWebhook({ webhookId: "msg_1", body, secrets: [secret(1)], at: new Date() });
    expect(headers["webhook-id"]).toBe("msg_1");
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret(1)).verify(body, headers)).toMatchObject({ id: "evt_1" });
    expect(() => new Webhook(secret(1)).verify(body.replace("3", "4"), headers)).toThrow();
    expect(() => new Webhook(secret(2)).verify(body, headers)).toThrow();
  });

  it("signs with every current secret during a rotation, so receivers with either secret verify", () => {
    const body = "{\"id\":\"evt_2\"}";
    const headers = signWebhook({ webhookId: "msg_2", body, secrets: [secret(2), secret(1)], at: new Date() });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(verifyWebhook(body, headers, [secret(1)])).toMatchObject({ id: "evt_2" });
    expect(verifyWebhook(body, headers, [secret(2)])).toMatchObject({ id: "evt_2" });
    expect(verifyWebhook(body, headers, [secret(3)])).toBeNull();
  });

  it("has timestamps the receiver checks: an old signature does not verify", () => {
    const body = "{}";
    const old = signWebhook({ webhookId: "msg_3", body, secrets: [secret(1)], at: new Date(Date.now() - 10 * 60_000) });
    expect(verifyWebhook(body, old, [secret(1)])).toBeNull();
  });
});

describe("webhook configuration", () => {
  it("has the issue's defaults and accepts short schedules for tests", () => {
    const config = parseConfig({});
    expect(config.WEBHOOK_RETRY_SCHEDULE).toEqual([0, 5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(config).toMatchObject({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: false, WEBHOOK_TIMEOUT_MS: 15_000, API_RATE_LIMIT_PER_MINUTE: 600 });
    expect(parseConfig({ WEBHOOK_RETRY_SCHEDULE: "0, 1,1" }).WEBHOOK_RETRY_SCHEDULE).toEqual([0, 1, 1]);
    expect(() => parseConfig({ WEBHOOK_RETRY_SCHEDULE: "0,soon" })).toThrow(/WEBHOOK_RETRY_SCHEDULE/);
    expect(() => parseConfig({ WEBHOOK_DISABLE_AFTER_HOURS: "-1" })).toThrow(/WEBHOOK_DISABLE_AFTER_HOURS/);
  });
});
