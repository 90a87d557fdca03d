import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, type Application } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertDecision, decideOnApplication, type Actor, type ApplicationPermission } from "@/lib/policy";

/** Permissions whose rule is the editable inventory (draft, changes requested, declined). */
type InventoryPermission = Extract<ApplicationPermission, "inventory.edit" | "application.calculate" | "evidence.upload" | "evidence.delete">;

/** Permissions an enterprise exercises on its own application. */
type OwnerPermission = InventoryPermission | Extract<ApplicationPermission, "application.submit" | "application.withdrawSubmission">;

/**
 * The application, locked for the rest of the transaction, once the policy
 * gives the actor `permission` on it: the role, the application owned by the
 * actor's enterprise (another's is "not found", no leak) and a status the
 * permission allows. Locking serializes concurrent changes to one application.
 */
export async function lockOwnApplication(
  tx: Tx,
  actor: Actor | null,
  applicationId: string,
  permission: OwnerPermission,
): Promise<Application> {
  const [application] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for("update");
  if (!application) throw new NotFoundError();
  assertDecision(decideOnApplication(actor, permission, application));
  return application;
}

/**
 * `lockOwnApplication` for a change to the inventory (its lines, evidence or
 * calculation): refused with "inventory.errors.frozen" while a body holds the
 * application or once it is decided.
 */
export async function lockEditableInventory(
  tx: Tx,
  actor: Actor | null,
  applicationId: string,
  permission: InventoryPermission,
): Promise<Application> {
  return lockOwnApplication(tx, actor, applicationId, permission);
}

/** Every inventory change makes earlier calculations stale. */
export async function bumpInventoryRevision(tx: Tx, applicationId: string): Promise<void> {
  await tx
    .update(applications)
    .set({ inventoryRevision: sql`${applications.inventoryRevision} + 1`, updatedAt: new Date() })
    .where(eq(applications.id, applicationId));
}
