// Every webhook event type and every API scope has words of its own in fi, sv and en: the delivery
// log, its filter, the API keys table and the API page never show a type's or a scope's code.
import { describe, expect, it } from "vitest";
import { apiScopes } from "@/lib/api-keys/scopes";
import { describeEventType } from "@/lib/i18n/describe-audit-entry";
import { locales } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { emittedEventTypes, eventTypes } from "@/lib/propagation/event-types";
import { unreadableParts } from "../../support/readable-text";

describe("event types in words", () => {
  it.each(locales)("%s: each type reads as its own phrase, never as its key", (locale) => {
    const other = translatorFor(locale, "describe")("eventTypeUnknown");
    const phrases = emittedEventTypes.map((type) => describeEventType(locale, type));
    expect(phrases.filter((p) => p === other)).toEqual([]);
    expect(new Set(phrases).size).toBe(phrases.length);
    expect(unreadableParts(phrases.join("\n"))).toEqual([]);
    // One added later, before anyone wrote its words.
    expect(describeEventType(locale, "person.kind_added_later")).toBe(other);
  });

  it.each(locales)("%s: the API page describes each type, with field names only as code", (locale) => {
    const t = translatorFor(locale, "apiDocs");
    for (const type of eventTypes) {
      const text = t.rich(`eventDescriptions.${type}`, { code: () => "" }) as string | unknown[];
      const plain = Array.isArray(text) ? text.filter((p) => typeof p === "string").join("") : String(text);
      expect(unreadableParts(plain), `${type}: ${plain}`).toEqual([]);
    }
  });
});

describe("API scopes in words", () => {
  it.each(locales)("%s: each scope has a name and a description, neither with a code", (locale) => {
    const t = translatorFor(locale, "systems");
    const names = apiScopes.map((scope) => t(`keys.scopeNames.${scope}`));
    expect(new Set(names).size).toBe(apiScopes.length);
    const text = [...names, ...apiScopes.map((scope) => t(`keys.scopeDescriptions.${scope}`))].join("\n");
    expect(unreadableParts(text), text).toEqual([]);
  });

  it("finds a scope's code in text", () => {
    expect(unreadableParts("Oikeudet: persons:read:details, events:ack")).toEqual(['scope "persons:read:details"', 'scope "events:ack"']);
    expect(unreadableParts("Huom: klo 19.37 API:t Id:t, dina id:n, API:et")).toEqual([]);
  });
});
