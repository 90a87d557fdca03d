/**
 * `npm run bench`: performance figures at scale (load `npm run db:seed:scale`
 * into DATABASE_URL first): the regulator dashboard against its raw SQL, the
 * public label page and its JSON against a bare node:http server, and a
 * 10,000-row inventory import.
 */
import { closeDb } from "@/db";
import { runDashboardBench } from "./dashboard";
import { runInventoryImportBench } from "./inventory-import";
import { runPublicLabelBench } from "./public-label";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("[bench] DATABASE_URL must point at the PostgreSQL database loaded by npm run db:seed:scale.");
    process.exit(1);
  }
  await runDashboardBench();
  await runPublicLabelBench();
  await runInventoryImportBench();
  await closeDb();
}

main().catch((error) => {
  console.error("[bench] failed:", error);
  process.exit(1);
});
