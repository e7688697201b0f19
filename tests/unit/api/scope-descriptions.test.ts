// The back-office's key form describes every API scope in Finnish, Swedish and English.
import { describe, expect, it } from "vitest";
import { apiScopes } from "@/lib/api-keys/scopes";
import { messages } from "@/lib/i18n/messages";

describe("API scope descriptions", () => {
  it.each(["fi", "sv", "en"] as const)("lists every scope in %s", (locale) => {
    const descriptions = (messages[locale].systems.keys as unknown as { scopeDescriptions: Record<string, string> }).scopeDescriptions;
    expect(Object.keys(descriptions).sort()).toEqual([...apiScopes].sort());
    for (const text of Object.values(descriptions)) expect(text).toMatch(/^\p{Lu}.+\.$/u);
  });
});
