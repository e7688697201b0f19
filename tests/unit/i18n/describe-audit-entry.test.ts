// Every audit action has words in fi, sv and en, for the person and for staff; the words never
// show a key, a placeholder, an id or a raw enum value, whatever the entry's details hold.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { auditActions } from "@/lib/audit/audit-actions";
import { ConsentStatus } from "@/lib/db/generated/enums";
import { describeAction, describeActor, describeAuditEntry } from "@/lib/i18n/describe-audit-entry";
import { noNames, type DescribeNames } from "@/lib/i18n/describe-names";
import { describeSource } from "@/lib/i18n/describe-source";
import { locales } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { unreadableParts } from "../../support/readable-text";

const root = path.resolve(__dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" || name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The audit actions the code writes: string literals on lines about an `action`, and consent.<status>. */
function actionsWrittenByCode(): Set<string> {
  const found = new Set<string>();
  for (const file of ["lib", "app", "prisma"].flatMap((d) => sourceFiles(path.join(root, d)))) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!/\baction\b/.test(line) || /\btype: "|\blog\.\w+\(/.test(line)) continue;
      for (const m of line.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) if (!/\.(csv|json|html|txt)$/.test(m[1]!)) found.add(m[1]!);
      if (line.includes("`consent.${")) for (const s of Object.values(ConsentStatus)) found.add(`consent.${s.toLowerCase()}`);
    }
  }
  return found;
}

const leaves = (o: unknown, prefix = ""): string[] =>
  o && typeof o === "object" ? Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k)) : [prefix];

const names: DescribeNames = {
  systems: new Map([["0190a1b2-0000-7000-8000-000000000001", "Verkkokauppa"], ["webshop", "Verkkokauppa"]]),
  purposes: new Map([["newsletter", "Uutiskirje"]]),
};
const richDetails = {
  fields: ["phone", "city"], purposeKey: "newsletter", system: "webshop", systemId: "0190a1b2-0000-7000-8000-000000000001",
  connectedSystemId: "0190a1b2-0000-7000-8000-000000000001", kind: "PURCHASE", type: "ERASURE", to: "COMPLETED", from: "RECEIVED", source: "IMPORT",
  role: "SUPPORT", reason: "Asiakaspalvelupuhelu", status: "GRANTED", dataRequestId: "0190a1b2-0000-7000-8000-000000000009",
};
const odd = { fields: ["notAField"], purposeKey: "gone", system: "gone", kind: "NEW_KIND", type: "NEW_TYPE", to: "NEW_STATUS", source: "NEW_SOURCE", role: "NEW_ROLE", reason: "manual" };

describe("audit actions in words", () => {
  it("lists every action the code writes", () => {
    const written = [...actionsWrittenByCode()];
    expect(written.length).toBeGreaterThan(40);
    expect(written.filter((a) => !(auditActions as readonly string[]).includes(a))).toEqual([]);
  });

  it("has words for exactly the listed actions in fi, sv and en", () => {
    for (const locale of locales) expect(leaves(messages[locale].describe.actions).sort(), locale).toEqual([...auditActions].sort());
  });

  it("describes every action, for the person and for staff, without keys, placeholders, ids or enum values", { timeout: 60_000 }, () => {
    for (const locale of locales) {
      for (const viewer of ["person", "staff"] as const) {
        for (const action of auditActions) {
          for (const [details, known, actorId] of [[richDetails, names, "0190a1b2-0000-7000-8000-000000000001"], [{}, noNames, null], [odd, noNames, "x"]] as const) {
            for (const actorKind of ["PERSON", "STAFF", "SYSTEM", "WORKER", "ANONYMOUS"]) {
              const words = describeAuditEntry(locale, { action, actorKind, actorId, details }, known, viewer);
              const text = [words.who, words.what, words.reason ?? ""].join(" | ");
              expect(unreadableParts(text), `${locale} ${viewer} ${action} ${actorKind}: ${text}`).toEqual([]);
              expect(words.what).not.toBe(describeAction(locale, { action: "future.kind", actorKind }, known, viewer));
            }
          }
        }
      }
    }
  });

  it("fills in the purpose's title, the system's name, the fields and the request's kind", () => {
    const what = (action: string) => describeAction("fi", { action, actorKind: "PERSON", details: richDetails }, names, "person");
    expect(what("consent.granted")).toBe("Suostumus annettiin: Uutiskirje");
    expect(what("consent.pending_confirmation")).toBe("Suostumus odottaa vahvistusta: Uutiskirje");
    expect(what("person.updated")).toBe("Tietoja korjattiin: Puhelin, Postitoimipaikka");
    expect(what("interaction.recorded")).toBe("Uusi merkintä järjestelmästä Verkkokauppa: Osto");
    expect(what("request.cancelled")).toBe("Pyyntö peruttiin: Poisto");
    expect(what("person.created")).toBe("Asiakastiedot luotiin: tuonti järjestelmästä Verkkokauppa");
    expect(describeAction("sv", { action: "export.ready", actorKind: "WORKER" }, names, "person")).toBe("Kopian av uppgifterna är klar att laddas ned");
  });

  it("reads an action it does not know as a sentence, not as its key", () => {
    const text = describeAction("en", { action: "future.kind_added_later", actorKind: "SYSTEM" }, noNames, "person");
    expect(text).toBe("An event concerning the data was recorded");
  });

  it("names who did it: you, staff by role, a system by its name, the demo data, the worker", () => {
    const who = (actorKind: string, actorId: string | null, details: object = {}, viewer: "person" | "staff" = "person") =>
      describeActor("fi", { action: "person.viewed", actorKind, actorId, details }, names, viewer);
    expect(who("PERSON", "u1")).toBe("Sinä");
    expect(who("PERSON", "u1", {}, "staff")).toBe("Asiakas itse");
    expect(who("STAFF", "s1", { role: "PRIVACY_OFFICER" })).toBe("Henkilökunta (tietosuojavastaava)");
    expect(who("STAFF", "s1")).toBe("Henkilökunta");
    expect(who("SYSTEM", "0190a1b2-0000-7000-8000-000000000001")).toBe("Verkkokauppa (liitetty järjestelmä)");
    expect(who("SYSTEM", "demo-seed")).toBe("Esittelytietojen luonti");
    expect(who("SYSTEM", "unknown-system")).toBe("Liitetty järjestelmä");
    expect(who("WORKER", "worker-1")).toBe("Automaattinen käsittely");
  });

  it("tells where a value came from by the system's name, never its key", () => {
    expect(describeSource("fi", { source: "SYSTEM", system: "webshop" }, names, "person")).toBe("järjestelmä Verkkokauppa");
    expect(describeSource("fi", { source: "IMPORT", system: "webshop" }, names, "staff")).toBe("tuonti järjestelmästä Verkkokauppa");
    expect(describeSource("fi", { source: "IMPORT", system: "crm" }, noNames, "person")).toBe("tuonti järjestelmästä, jota ei ole liitetty");
    expect(describeSource("fi", { source: "PERSON", system: null }, names, "person")).toBe("sinä");
    expect(describeSource("en", { source: "PERSON", system: null }, names, "staff")).toBe("the customer");
    expect(describeSource("sv", { source: "SYSTEM", system: "demo-seed" }, noNames, "person")).toBe("demouppgifter");
  });
});

describe("message placeholders", () => {
  // The arguments an ICU message asks for, also inside plural and select branches.
  const argumentsOf = (elements: MessageFormatElement[]): string[] =>
    elements.flatMap((e) => {
      if (e.type === TYPE.literal || e.type === TYPE.pound) return [];
      if (e.type === TYPE.tag) return argumentsOf(e.children);
      const nested = "options" in e ? Object.values(e.options).flatMap((o) => argumentsOf(o.value)) : [];
      return [e.value, ...nested];
    });
  const placeholders = (text: string) => [...new Set(argumentsOf(parse(text, { ignoreTag: true })))].sort();
  const flat = (o: unknown, prefix = ""): [string, string][] =>
    o && typeof o === "object" ? Object.entries(o).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k)) : [[prefix, String(o)]];

  it("every message asks for the same placeholders in fi, sv and en, so no translation leaves one unfilled", () => {
    const fi = new Map(flat(messages.fi));
    const mismatched: string[] = [];
    for (const locale of ["sv", "en"] as const) {
      for (const [key, text] of flat(messages[locale])) {
        const base = fi.get(key);
        if (base !== undefined && placeholders(base).join() !== placeholders(text).join()) mismatched.push(`${locale} ${key}: ${placeholders(text)} vs fi ${placeholders(base)}`);
      }
    }
    expect(mismatched).toEqual([]);
  });
});
