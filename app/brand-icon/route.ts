import { readFile } from "node:fs/promises";
import path from "node:path";
import { brandIconSvg } from "@/lib/brand/brand-icon-svg";
import { brandOf, iconType } from "@/lib/brand/get-brand";
import { FAVICON_FILE } from "@/lib/brand/schema";
import { getConfig } from "@/lib/config";

const headers = (type: string) => ({
  "content-type": type,
  "cache-control": "public, max-age=3600",
  // An SVG opened on its own must not run scripts on this origin.
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
});

// GET /brand-icon — the favicon: the file BRAND_FAVICON_URL names inside DATA_DIR, else the brand's initial on BRAND_COLOR.
export async function GET() {
  const config = getConfig();
  const file = config.BRAND_FAVICON_URL;
  if (!file || !FAVICON_FILE.test(file)) return new Response(brandIconSvg(brandOf(config)), { headers: headers("image/svg+xml; charset=utf-8") });
  // The schema allows only a plain file name here: nothing outside DATA_DIR can be named.
  let body: Buffer;
  try {
    body = await readFile(path.join(config.DATA_DIR, file));
  } catch {
    return new Response("Not found", { status: 404 });
  }
  return new Response(new Uint8Array(body), { headers: headers(iconType(file)!) });
}
