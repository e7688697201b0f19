// Each area sends its client components only the message namespaces listed for it: a client
// component that uses a namespace missing from its area's list would show raw keys. This reads
// every "use client" file and checks its useTranslations namespaces against the lists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientNamespaces, type ClientArea } from "@/lib/i18n/client-messages";

const root = path.resolve(import.meta.dirname, "../..");
const areas: [ClientArea, string][] = [["portal", "app/(portal)"], ["admin", "app/admin"], ["auth", "app/(auth)"], ["root", "components"]];

function clientFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return clientFiles(full);
    return /\.tsx?$/.test(entry) && /^["']use client["']/m.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

describe("client message namespaces", () => {
  for (const [area, dir] of areas) {
    it(`covers every namespace the client components of ${dir} use`, () => {
      const files = clientFiles(path.join(root, dir));
      expect(files.length).toBeGreaterThan(0);
      const used = files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/useTranslations\(\s*["']([^"'.]+)/g)].map((m) => `${m[1]} (${path.relative(root, file)})`));
      const missing = used.filter((entry) => !(clientNamespaces[area] as readonly string[]).includes(entry.split(" ")[0]!));
      expect(missing).toEqual([]);
    });
  }

  it("sends the shared components' namespaces in every area", () => {
    for (const area of Object.keys(clientNamespaces) as ClientArea[]) expect(clientNamespaces[area]).toEqual(expect.arrayContaining([...clientNamespaces.root]));
  });
});
