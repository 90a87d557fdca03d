import fs from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-static";

/**
 * Scalar's standalone API reference bundle, served from the pinned package in node_modules:
 * the reference page needs no outside network (no CDN), and its version is the lockfile's.
 */
const BUNDLE = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js");

let bundle: Promise<Buffer> | null = null;

export async function GET() {
  bundle ??= fs.readFile(BUNDLE);
  return new Response(new Uint8Array(await bundle), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
