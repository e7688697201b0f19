import { describe, expect, it } from "vitest";
import { canonicalJson, GENESIS_HASH, hashAuditContent, type HashedContent } from "@/lib/audit/canonical";

describe("canonicalJson", () => {
  it("does not depend on key order, at any depth", () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: null }, c: "c" };
    const b = { c: "c", a: { x: null, y: [1, { p: 2, q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"p":2,"q":1}]},"b":1,"c":"c"}');
  });

  it("keeps array order and tells different values apart", () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: "1" }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it("drops undefined properties and writes dates as ISO strings", () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson({ at: new Date("2026-11-26T10:00:00.000Z") })).toBe('{"at":"2026-11-26T10:00:00.000Z"}');
    expect(canonicalJson(undefined)).toBe("null");
  });
});

describe("hashAuditContent", () => {
  const content: HashedContent = {
    seq: 1,
    at: new Date("2026-11-26T10:00:00.000Z"),
    actorKind: "PERSON",
    actorId: "u1",
    action: "person.updated",
    personId: "p1",
    target: "Person:p1",
    details: { fields: ["phone", "city"], source: { channel: "portal", ui: "form" } },
    ipHash: null,
    prevHash: GENESIS_HASH,
  };

  it("is a SHA-256 hex digest independent of key order in details", () => {
    const reordered = { ...content, details: { source: { ui: "form", channel: "portal" }, fields: ["phone", "city"] } };
    expect(hashAuditContent(content)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditContent(reordered)).toBe(hashAuditContent(content));
  });

  it.each<[string, Partial<HashedContent>]>([
    ["seq", { seq: 2 }],
    ["at", { at: new Date("2026-11-26T10:00:00.001Z") }],
    ["actorId", { actorId: "u2" }],
    ["action", { action: "person.erased" }],
    ["details", { details: { fields: ["phone"] } }],
    ["prevHash", { prevHash: "1".repeat(64) }],
  ])("changes when %s changes", (_field, change) => {
    expect(hashAuditContent({ ...content, ...change })).not.toBe(hashAuditContent(content));
  });
});
