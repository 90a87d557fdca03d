import { chromium } from "playwright";
const [url] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
await page.goto(url); await page.waitForTimeout(500);
await page.goto("about:blank");
await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink"] });
await page.goto(url, { waitUntil: "networkidle" }); await page.waitForTimeout(1000);
const buf = await browser.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
const main = ev.find((e) => e.name === "TracingStartedInBrowser")?.args?.data?.frames?.[0]?.processId;
const tasks = ev.filter((e) => e.name === "RunTask" && e.dur > 15000 && e.ph === "X");
const byThread = {};
for (const t of tasks) {
  const kids = ev.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === "X" && e.ts >= t.ts && e.ts + (e.dur||0) <= t.ts + t.dur && e !== t && e.dur > 3000);
  const names = {};
  for (const k of kids) names[k.name + (k.args?.data?.url ? " " + k.args.data.url.slice(-25) : "")] = Math.max(names[k.name] || 0, Math.round(k.dur / 1000));
  console.log(t.pid, t.tid, "task", Math.round(t.dur / 1000), "ms", JSON.stringify(Object.entries(names).sort((a, b) => b[1] - a[1]).slice(0, 8)));
}
console.log("dom nodes", await page.evaluate(() => document.querySelectorAll("*").length));
await browser.close();
