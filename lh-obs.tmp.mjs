import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
const [url] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
const r = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
console.log("benchmarkIndex", r.lhr.environment.benchmarkIndex, "perf", r.lhr.categories.performance.score, r.lhr.runWarnings);
const lt = r.lhr.audits["long-tasks"].details.items; console.log("long tasks", JSON.stringify(lt.map(x=>[x.url.slice(-30), Math.round(x.startTime), Math.round(x.duration)])));
const mt = r.lhr.audits["main-thread-tasks"].details.items.filter(x=>x.duration>20); console.log("main thread tasks >20ms (observed)", JSON.stringify(mt.map(x=>[Math.round(x.startTime), Math.round(x.duration)])));
await chrome.kill();
