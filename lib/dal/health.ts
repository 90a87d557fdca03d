import "server-only";
import { sql } from "drizzle-orm";
import { db, databaseKind } from "@/db";

/** Public liveness check: is the database answering within 3 s? */
export async function checkDatabase(): Promise<{ ok: boolean; kind: string; latencyMs?: number }> {
  const started = performance.now();
  try {
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3_000)),
    ]);
    return { ok: true, kind: databaseKind(), latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, kind: databaseKind() };
  }
}
