import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { db, databaseKind } from "./index";
import type * as schema from "./schema";

/** Applies the committed migrations in `drizzle/` (same files for both drivers). */
export async function migrateDatabase(): Promise<void> {
  const migrationsFolder = path.join(process.cwd(), "drizzle");
  if (databaseKind() === "pglite") {
    await migratePglite(db as unknown as PgliteDatabase<typeof schema>, { migrationsFolder });
  } else {
    await migratePg(db, { migrationsFolder });
  }
}
