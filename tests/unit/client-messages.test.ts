// Each area, and each back-office section with a layout of its own, sends its client components
// only the message namespaces listed for it: a client component that uses a namespace missing
// from the list of the provider above it would show raw keys. This follows the imports from each
// part of the app to every "use client" file it renders and checks their useTranslations
// namespaces against the part's list, and checks that each section's layout sends that list.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientNamespaces, type ClientArea } from "@/lib/i18n/client-messages";
import { clientNamespacesUsed, projectRoot } from "../support/client-namespaces";

/** Back-office sections whose layout sends their own list (SectionMessages), in place of the area's. */
const sections: [ClientArea, string][] = [
  ["admin/deliveries", "app/admin/deliveries"],
  ["admin/systems", "app/admin/systems"],
  ["admin/staff", "app/admin/staff"],
  ["admin/person", "app/admin/persons/[id]"],
  ["admin/requests", "app/admin/requests"],
  ["admin/import", "app/admin/import"],
  ["admin/purposes", "app/admin/purposes"],
  ["admin/duplicates", "app/admin/duplicates"],
];
const areas: [ClientArea, string, string[]][] = [
  ["portal", "app/(portal)", []],
  ["admin", "app/admin", sections.map(([, dir]) => dir)],
  ["auth", "app/(auth)", []],
  ["root", "components", []],
  ...sections.map(([area, dir]): [ClientArea, string, string[]] => [area, dir, []]),
];

describe("client message namespaces", () => {
  for (const [area, dir, except] of areas) {
    it(`covers every namespace the client components of ${dir} use`, () => {
      const used = clientNamespacesUsed(dir, except);
      expect(used.length).toBeGreaterThan(0);
      const missing = used.filter((entry) => !(clientNamespaces[area] as readonly string[]).includes(entry.split(" ")[0]!));
      expect(missing).toEqual([]);
    });
  }

  it("each back-office section's layout sends its own list", () => {
    for (const [area, dir] of sections) {
      expect(readFileSync(path.join(projectRoot, dir, "layout.tsx"), "utf8")).toContain(`<SectionMessages area="${area}">`);
    }
  });

  it("sends no namespace no client component of the part uses, so pages stay small", () => {
    for (const [area, dir, except] of areas) {
      const used = new Set(clientNamespacesUsed(dir, except).map((entry) => entry.split(" ")[0]!));
      expect([area, clientNamespaces[area].filter((ns) => ns !== "common" && !used.has(ns))]).toEqual([area, []]);
    }
  });

  it("sends the shared components' namespaces in every area", () => {
    for (const area of Object.keys(clientNamespaces) as ClientArea[]) expect(clientNamespaces[area]).toEqual(expect.arrayContaining([...clientNamespaces.root]));
  });
});
