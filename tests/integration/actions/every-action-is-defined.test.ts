// Every export of every "use server" module under app/ is a server action built by defineAction,
// so a new action cannot skip its caller check, argument parsing or error mapping. The modules are
// found from the file tree, as the fuzzing suite finds them.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

const { isDefinedAction } = await import("@/lib/actions/define-action");

const root = path.resolve(import.meta.dirname, "../../..");

async function serverModules(): Promise<string[]> {
  const files = (await readdir(path.join(root, "app"), { recursive: true })).filter((name) => /\.tsx?$/.test(name));
  const modules: string[] = [];
  for (const file of files) {
    if (/^["']use server["'];/m.test(await readFile(path.join(root, "app", file), "utf8"))) modules.push(file);
  }
  return modules.sort();
}

describe("every server action is built by defineAction", () => {
  it("finds the server action modules", async () => {
    expect((await serverModules()).length).toBeGreaterThanOrEqual(21);
  });

  it("every export of every \"use server\" module carries the wrapper's mark", async () => {
    const unwrapped: string[] = [];
    let actions = 0;
    for (const file of await serverModules()) {
      const exports = (await import(path.join(root, "app", file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) {
        actions += 1;
        if (!isDefinedAction(value)) unwrapped.push(`${file}: ${name}`);
      }
    }
    expect(unwrapped).toEqual([]);
    expect(actions).toBeGreaterThanOrEqual(53);
  }, 60_000);
});
