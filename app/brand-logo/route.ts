import { readFile } from "node:fs/promises";
import path from "node:path";
import { LOGO_FILE } from "@/lib/brand/schema";
import { getConfig } from "@/lib/config";

const types: Record<string, string> = { svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp" };

// GET /brand-logo — the logo file BRAND_LOGO_URL names inside DATA_DIR; 404 when none is configured.
export async function GET() {
  const { BRAND_LOGO_URL, DATA_DIR } = getConfig();
  // The schema allows only a plain file name here: nothing outside DATA_DIR can be named.
  if (!BRAND_LOGO_URL || !LOGO_FILE.test(BRAND_LOGO_URL)) return new Response("Not found", { status: 404 });
  let body: Buffer;
  try {
    body = await readFile(path.join(DATA_DIR, BRAND_LOGO_URL));
  } catch {
    return new Response("Not found", { status: 404 });
  }
  const extension = BRAND_LOGO_URL.split(".").pop()!.toLowerCase();
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": types[extension] ?? "application/octet-stream",
      "cache-control": "public, max-age=3600",
      // An SVG opened on its own must not run scripts on this origin.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
