/**
 * Lighthouse 12 (a pinned dev dependency) on the public verification page and the registry:
 * performance, accessibility and best practices, the median of BENCH_LIGHTHOUSE_RUNS (5) runs
 * each, in Debian's Chromium (CHROME_PATH, default /usr/bin/chromium), mobile form factor as
 * Lighthouse defaults to.
 */
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
type Category = (typeof CATEGORIES)[number];

type LighthouseRow = { url: string } & Record<Category, number> & { "total blocking ms": number; "LCP ms": number };

/**
 * Lighthouse's own measure of the machine's CPU (lhr.environment.benchmarkIndex), the median over
 * the runs: its simulated mobile throttling multiplies the tasks it observed here by 4, so the same
 * page scores lower on a slower machine. Printed beside the scores so that runs on different
 * machines can be compared.
 */
export type LighthouseResult = { rows: LighthouseRow[]; benchmarkIndex: number };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function runLighthouse(urls: string[]): Promise<LighthouseResult> {
  const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 5);
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const rows: LighthouseRow[] = [];
    const benchmarkIndexes: number[] = [];
    for (const url of urls) {
      const scores: Record<Category, number[]> = { performance: [], accessibility: [], "best-practices": [] };
      const blocking: number[] = [];
      const contentfulPaint: number[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        for (const category of CATEGORIES) scores[category].push(Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
        blocking.push(Math.round(result.lhr.audits["total-blocking-time"]?.numericValue ?? 0));
        contentfulPaint.push(Math.round(result.lhr.audits["largest-contentful-paint"]?.numericValue ?? 0));
        benchmarkIndexes.push(Math.round(result.lhr.environment.benchmarkIndex));
      }
      rows.push({
        url,
        performance: median(scores.performance),
        accessibility: median(scores.accessibility),
        "best-practices": median(scores["best-practices"]),
        "total blocking ms": median(blocking),
        "LCP ms": median(contentfulPaint),
      });
    }
    return { rows, benchmarkIndex: median(benchmarkIndexes) };
  } finally {
    await chrome.kill();
  }
}
