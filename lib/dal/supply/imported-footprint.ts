import "server-only";
import { z } from "@/lib/validation/zod";

/** The stored `pcf.verification` of an imported PACT footprint, as far as it is shown: who verified. */
const importedVerificationSchema = z.object({ providerName: z.string().optional() });

/**
 * How a line or a list shows an imported footprint: self-declared without a verification block,
 * else verified (by the provider the document names, when it names one). Stored JSON is read
 * through its schema.
 */
export function importedFootprintView(row: { footprintId: string; verification: unknown } | null) {
  if (!row) return null;
  const verification = row.verification === null ? null : (importedVerificationSchema.safeParse(row.verification).data ?? {});
  return { footprintId: row.footprintId, selfDeclared: verification === null, verifiedBy: verification?.providerName ?? null };
}
