import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
const [url, runs = "5"] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
const rows = [];
for (let i = 0; i < Number(runs); i++) {
  const r = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices"] });
  const a = r.lhr.audits;
  const row = { perf: Math.round(r.lhr.categories.performance.score * 100), a11y: Math.round(r.lhr.categories.accessibility.score * 100), bp: Math.round(r.lhr.categories["best-practices"].score * 100),
    fcp: Math.round(a["first-contentful-paint"].numericValue), lcp: Math.round(a["largest-contentful-paint"].numericValue), tbt: Math.round(a["total-blocking-time"].numericValue), si: Math.round(a["speed-index"].numericValue), cls: a["cumulative-layout-shift"]?.numericValue };
  rows.push(row); console.log(JSON.stringify(row));
  if (i === 0) { for (const id of ["largest-contentful-paint-element", "bootup-time", "mainthread-work-breakdown", "render-blocking-resources", "network-requests"]) { const d = a[id]?.details; if (id === "network-requests") console.log(id, JSON.stringify(d?.items?.map((x) => [x.url.slice(-40), x.transferSize, Math.round(x.networkRequestTime), Math.round(x.networkEndTime)]))); else console.log(id, a[id]?.displayValue, JSON.stringify(d?.items?.slice(0, 6))?.slice(0, 900)); } }
}
await chrome.kill();
