import "server-only";
import fs from "node:fs";
import path from "node:path";

type LabelPageAssets = { stylesheet: string; font: string };

let assets: LabelPageAssets | null = null;

/**
 * The public label page's stylesheet and font, by their hashed names: made before every build by
 * scripts/build-label-assets.mjs (the page is sent by a route handler, outside Next.js's CSS
 * pipeline). Read once per process.
 */
export function labelPageAssets(): LabelPageAssets {
  if (!assets) {
    const manifest = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "label-page", "manifest.json");
    if (!fs.existsSync(manifest)) throw new Error(`${manifest} is missing: build the app with npm run build (it runs scripts/build-label-assets.mjs)`);
    assets = JSON.parse(fs.readFileSync(manifest, "utf8")) as LabelPageAssets;
  }
  return assets;
}
