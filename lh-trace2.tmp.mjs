import { chromium } from "playwright";
const [url] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
await page.goto(url); await page.goto("about:blank");
await browser.startTracing(page, { categories: ["devtools.timeline", "blink", "disabled-by-default-blink.debug.layout", "fonts", "disabled-by-default-fonts", "blink.debug"] });
await page.goto(url, { waitUntil: "networkidle" }); await page.waitForTimeout(500);
const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const layout = ev.filter((e) => e.name === "Layout" && e.ph === "X").sort((a, b) => b.dur - a.dur)[0];
console.log("layout", layout.dur / 1000);
const kids = ev.filter((e) => e.pid === layout.pid && e.tid === layout.tid && e.ts >= layout.ts && e.ts <= layout.ts + layout.dur && e.dur > 1000 && e !== layout);
const agg = {};
for (const k of kids) { agg[k.name] = agg[k.name] || [0, 0]; agg[k.name][0] += k.dur / 1000; agg[k.name][1]++; }
console.log(Object.entries(agg).sort((a, b) => b[1][0] - a[1][0]).slice(0, 25).map(([n, [d, c]]) => `${n}: ${d.toFixed(1)} ms x${c}`).join("\n"));
await browser.close();
