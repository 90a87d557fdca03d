import "server-only";
import { and, eq, exists, ne, notExists, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificates, inventoryLines, supplierFootprintFlags, supplyRequests } from "@/db/schema";
import type { SupplierCertificateChange } from "@/lib/enums";
import { assertCan, type Actor } from "@/lib/policy";
import { flagApplicationsDependingOn } from "./flag-applications-depending-on";

/**
 * The job's sweep: every supplier certificate that customers' lines are priced with and that is
 * no longer valid (suspended, withdrawn or expired) in a version not yet flagged gets its
 * dependents flagged. Each change is flagged once — its key (certificate, status, version) is
 * what `flagApplicationsDependingOn` stores — however often the sweep runs.
 */
export async function flagChangedSupplierCertificates(tx: Tx, actor: Actor | null) {
  assertCan(actor, "supplierFootprint.flagDependents");
  const changed = await tx
    .selectDistinct({ id: certificates.id, status: certificates.status })
    .from(certificates)
    .innerJoin(supplyRequests, eq(supplyRequests.fulfilledCertificateId, certificates.id))
    .where(
      and(
        ne(certificates.status, "valid"),
        exists(tx.select({ one: sql`1` }).from(inventoryLines).where(eq(inventoryLines.supplyRequestId, supplyRequests.id))),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(supplierFootprintFlags)
            .where(eq(supplierFootprintFlags.changeKey, sql`${certificates.id}::text || ':' || ${certificates.status}::text || ':' || ${certificates.version}::text`)),
        ),
      ),
    )
    .orderBy(certificates.id);
  let flagged = 0;
  for (const certificate of changed) {
    const outcome = await flagApplicationsDependingOn(tx, actor, { certificateId: certificate.id, change: certificate.status as SupplierCertificateChange });
    flagged += outcome.flagged;
  }
  return { certificates: changed.length, flagged };
}
