/**
 * `npm run bench`: performance figures at scale (load `npm run db:seed:scale`
 * into DATABASE_URL first): the regulator dashboard against its raw SQL, the
 * public label page and its JSON against a bare node:http server, a
 * 10,000-row inventory import, audited writes per second before and after
 * per-organization audit chains (in throw-away databases on the same server),
 * and the server's memory while 10 clients download a 20 MB evidence file.
 * `npm run bench -- audit-throughput evidence-download` runs only the benchmarks named.
 */
import { closeDb } from "@/db";
import { runAuditThroughputBench } from "./audit-throughput";
import { runDashboardBench } from "./dashboard";
import { runEvidenceDownloadBench } from "./evidence-download";
import { runInventoryImportBench } from "./inventory-import";
import { runPublicLabelBench } from "./public-label";

const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  dashboard: runDashboardBench,
  "public-label": runPublicLabelBench,
  "inventory-import": runInventoryImportBench,
  "audit-throughput": runAuditThroughputBench,
  "evidence-download": runEvidenceDownloadBench,
};

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("[bench] DATABASE_URL must point at the PostgreSQL database loaded by npm run db:seed:scale.");
    process.exit(1);
  }
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`[bench] unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(BENCHMARKS).join(", ")}.`);
    process.exit(1);
  }
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (named.length === 0 || named.includes(name)) await run();
  }
  await closeDb();
}

main().catch((error) => {
  console.error("[bench] failed:", error);
  process.exit(1);
});
