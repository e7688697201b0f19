// Which message namespaces the client components reachable from a part of the app use: every
// file under `dir` (except the subtrees given, which have a provider of their own) and every file
// they import, transitively (through app/ and components/: lib/ holds no client component that
// imports another); of those, the "use client" files' useTranslations namespaces.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string, except: string[]): string[] {
  if (except.includes(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesUnder(full, except);
    return /\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** The file an import specifier names, or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(projectRoot, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(projectRoot, from)}: cannot resolve "${specifier}"`);
}

const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

/** "namespace (file)" for each useTranslations of each client component reachable from `dir`. */
export function clientNamespacesUsed(dir: string, except: string[] = []): string[] {
  const seen = new Set<string>();
  const queue = filesUnder(path.join(projectRoot, dir), except.map((d) => path.join(projectRoot, d)));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/^(app|components)\//.test(path.relative(projectRoot, file))) continue;
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = resolveImport(file, specifier!);
      if (target && /\.tsx?$/.test(target)) queue.push(target);
    }
  }
  return [...seen]
    .filter((file) => /^["']use client["']/m.test(readFileSync(file, "utf8")))
    .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/useTranslations\(\s*["']([^"'.]+)/g)].map((m) => `${m[1]} (${path.relative(projectRoot, file)})`));
}
