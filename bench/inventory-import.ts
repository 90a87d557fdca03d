/**
 * Inventory import benchmark: 10,000 CSV rows through the same steps the
 * upload route takes (authorize, parse, then validate every row and insert in
 * one operation), into a throw-away application that is deleted afterwards.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { db } from "@/db";
import { applications, products, users } from "@/db/schema";
import { findUserAsActor } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorizeInventoryImport, importInventoryLines } from "@/lib/domain/inventory/import-lines";
import { executeOperation } from "@/lib/domain/operation";
import { INVENTORY_IMPORT_COLUMNS, TEMPLATE_EXAMPLE_ROWS } from "@/lib/import/inventory-columns";
import { parseInventoryFile } from "@/lib/import/inventory-import";

const ROWS = 10_000;

async function anyEnterpriseUser(): Promise<CurrentUser> {
  const row = await findUserAsActor(eq(users.role, "enterprise"));
  if (!row) throw new Error("no enterprise user in the database");
  return row;
}

export async function runInventoryImportBench(): Promise<number> {
  const user = await anyEnterpriseUser();
  const [product] = await db
    .insert(products)
    .values({
      organizationId: user.organizationId,
      categoryId: "laptop",
      nameZh: "导入基准测试",
      nameEn: "Import benchmark",
      model: "BENCH",
      hsCode: "84713000",
      declaredUnitAmount: "1",
      declaredUnit: "piece",
      systemBoundary: "cradle_to_gate",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      productionVolume: "10000",
      site: "bench",
    })
    .returning();
  const [application] = await db
    .insert(applications)
    .values({ productId: product.id, organizationId: user.organizationId, categoryId: product.categoryId, region: user.region, district: user.district })
    .returning();
  try {
    const rows = Array.from({ length: ROWS }, (_, index) => {
      const row = { ...TEMPLATE_EXAMPLE_ROWS[index % TEMPLATE_EXAMPLE_ROWS.length], description: `Line ${index + 1}` };
      return INVENTORY_IMPORT_COLUMNS.map((column) => row[column]);
    });
    const bytes = new TextEncoder().encode(Papa.unparse({ fields: [...INVENTORY_IMPORT_COLUMNS], data: rows }));
    const started = performance.now();
    const target = { applicationId: application.id };
    const authorized = await executeOperation(authorizeInventoryImport, user, target);
    if (!authorized.ok) throw new Error(`import refused: ${authorized.error.message}`);
    const sheet = await parseInventoryFile("bench.csv", bytes);
    if (!sheet.ok) throw new Error(`file refused: ${sheet.errors[0]?.message}`);
    const file = { name: "bench.csv", sha256: createHash("sha256").update(bytes).digest("hex") };
    const outcome = await executeOperation(importInventoryLines, user, { ...target, file, rows: sheet.rows });
    const milliseconds = performance.now() - started;
    if (!outcome.ok) throw new Error(`import refused: ${outcome.error.message}`);
    console.log(`[bench] inventory import: ${outcome.data.imported} CSV rows (${(bytes.length / 1024).toFixed(0)} KiB) in ${milliseconds.toFixed(0)} ms`);
    return milliseconds;
  } finally {
    await db.delete(applications).where(eq(applications.id, application.id));
    await db.delete(products).where(eq(products.id, product.id));
  }
}
