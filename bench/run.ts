/**
 * `npm run bench`: performance figures at scale (load `npm run db:seed:scale`
 * into DATABASE_URL first). Runs every benchmark present in this folder.
 */
import fs from "node:fs";
import path from "node:path";
import { closeDb } from "@/db";
import { runDashboardBench } from "./dashboard";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("[bench] DATABASE_URL must point at the PostgreSQL database loaded by npm run db:seed:scale.");
    process.exit(1);
  }
  await runDashboardBench();
  // The public label page benchmark belongs to the labels feature and may not exist yet.
  const publicLabelBench = path.join(__dirname, "public-label.ts");
  if (fs.existsSync(publicLabelBench)) {
    const { runPublicLabelBench } = (await import(publicLabelBench)) as { runPublicLabelBench: () => Promise<unknown> };
    await runPublicLabelBench();
  }
  await closeDb();
}

main().catch((error) => {
  console.error("[bench] failed:", error);
  process.exit(1);
});
