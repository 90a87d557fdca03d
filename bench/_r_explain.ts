import { sql } from "drizzle-orm";
import { db, closeDb } from "@/db";
import { dashboardQueries } from "@/lib/dal/regulator-overview";
async function main() {
  const filters = JSON.parse(process.argv[2] || "{}");
  for (const [name, q] of Object.entries(dashboardQueries("500000", filters, "2026-11-23"))) {
    const r = await db.execute(sql`explain (analyze, format json) ${q}`);
    const plan = (r.rows[0] as any)["QUERY PLAN"][0];
    console.log(name, plan["Execution Time"].toFixed(1));
    if (process.env.SHOW === name) { const t = await db.execute(sql`explain (analyze) ${q}`); console.log(t.rows.map((x: any) => x["QUERY PLAN"]).join("\n")); }
  }
  await closeDb();
}
main();
