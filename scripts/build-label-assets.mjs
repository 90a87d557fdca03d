#!/usr/bin/env node
/**
 * The public label page's stylesheet and font, made before every build (`npm run build`,
 * `npm run dev`, `npm start`). That page is sent without scripts by a route handler
 * (app/[locale]/labels/[certificateNumber]/route.tsx), and a route handler has no part in Next.js's
 * CSS pipeline, so the site's stylesheet is compiled here as Next.js compiles it (Tailwind, the
 * same sources), with the Inter face that next/font gives the other pages. Each file's name carries
 * its content's hash, so browsers and caches may keep it for good (next.config.ts), and
 * public/label-page/manifest.json names them for the page (lib/http/label-page-assets.ts).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import tailwind from "@tailwindcss/postcss";
import postcss from "postcss";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const outDir = path.join(root, "public", "label-page");
const FONT = path.join(root, "node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2");

const hashed = (name, content) => {
  const digest = crypto.createHash("sha256").update(content).digest("hex").slice(0, 12);
  const { name: stem, ext } = path.parse(name);
  return `${stem}.${digest}${ext}`;
};

const font = fs.readFileSync(FONT);
const fontFile = hashed("inter-latin-wght-normal.woff2", font);
const entry = path.join(root, "app", "globals.css");
// next/font sets --font-inter on <html> by a class; this page gets the same face by name.
const source = `${fs.readFileSync(entry, "utf8")}
@font-face { font-family: "Inter"; font-style: normal; font-weight: 100 900; font-display: swap; src: url("./${fontFile}") format("woff2"); }
:root { --font-inter: "Inter"; }
`;
const { css } = await postcss([tailwind({ base: root, optimize: { minify: true } })]).process(source, { from: entry });
const cssFile = hashed("site.css", css);

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, fontFile), font);
fs.writeFileSync(path.join(outDir, cssFile), css);
fs.writeFileSync(path.join(outDir, "manifest.json"), `${JSON.stringify({ stylesheet: `/label-page/${cssFile}`, font: `/label-page/${fontFile}` }, null, 2)}\n`);
console.log(`[carbonlabel] label page assets: ${cssFile} (${(css.length / 1024).toFixed(1)} KB), ${fontFile}`);
