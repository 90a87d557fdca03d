import "server-only";
import { and, eq, exists, ne, notExists, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";
import { certificates, inventoryLines, supplierFootprintFlags, supplyRequests } from "@/db/schema";
import type { SupplierCertificateChange } from "@/lib/enums";
import { assertCan, type Actor } from "@/lib/policy";
import { flagApplicationsDependingOn } from "./flag-applications-depending-on";

/** A customer line is priced with a footprint of this certificate (through a fulfilled request). */
function usedByLines(tx: Tx) {
  return exists(tx.select({ one: sql`1` }).from(inventoryLines).where(eq(inventoryLines.supplyRequestId, supplyRequests.id)));
}

/** The flags written under a change key (computed in SQL from the row, as `supplierChangeKey` computes it). */
function flagsUnder(tx: Tx, changeKey: SQL) {
  return tx.select({ one: sql`1` }).from(supplierFootprintFlags).where(eq(supplierFootprintFlags.changeKey, changeKey));
}

/**
 * The job's sweep: every supplier certificate that customers' lines are priced with and that is
 * no longer valid (suspended, withdrawn or expired) in a version not yet flagged, or that a newer
 * certificate of the same product renews (re-certification: superseded, whatever its status),
 * gets its dependents flagged. Each change is flagged once — its key (`supplierChangeKey`) is
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
        usedByLines(tx),
        notExists(flagsUnder(tx, sql`${certificates.id}::text || ':' || ${certificates.status}::text || ':' || ${certificates.version}::text`)),
      ),
    )
    .orderBy(certificates.id);
  const successor = alias(certificates, "successor");
  const superseded = await tx
    .selectDistinct({ id: certificates.id })
    .from(certificates)
    .innerJoin(successor, eq(successor.previousCertificateId, certificates.id))
    .innerJoin(supplyRequests, eq(supplyRequests.fulfilledCertificateId, certificates.id))
    .where(and(usedByLines(tx), notExists(flagsUnder(tx, sql`${certificates.id}::text || ':superseded'`))))
    .orderBy(certificates.id);
  let flagged = 0;
  for (const certificate of changed) {
    const outcome = await flagApplicationsDependingOn(tx, actor, { certificateId: certificate.id, change: certificate.status as SupplierCertificateChange });
    flagged += outcome.flagged;
  }
  for (const certificate of superseded) {
    const outcome = await flagApplicationsDependingOn(tx, actor, { certificateId: certificate.id, change: "superseded" });
    flagged += outcome.flagged;
  }
  return { certificates: changed.length + superseded.length, flagged };
}
