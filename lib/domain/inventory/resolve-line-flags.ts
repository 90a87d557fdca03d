import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { supplierFootprintFlags } from "@/db/schema";
import type { UserActor } from "@/lib/policy";

/** A line the customer updated or confirmed no longer waits on its supplier's certificate change. */
export async function resolveLineFlags(tx: Tx, actor: UserActor, lineId: string) {
  return tx
    .update(supplierFootprintFlags)
    .set({ resolvedAt: new Date(), resolvedBy: actor.id })
    .where(and(eq(supplierFootprintFlags.lineId, lineId), isNull(supplierFootprintFlags.resolvedAt)))
    .returning({ id: supplierFootprintFlags.id, change: supplierFootprintFlags.change });
}
