import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, type Application } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/actions/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isInventoryEditable } from "./rules";

/**
 * The application, locked for this transaction, if it belongs to the user's
 * enterprise; another organization's application is "not found" (no leak).
 */
export async function lockOwnApplication(tx: Tx, user: CurrentUser, applicationId: string): Promise<Application> {
  const [application] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for("update");
  if (!application || application.organizationId !== user.organizationId) throw new NotFoundError();
  return application;
}

/** Locks the application and refuses when its inventory is frozen (with a body, or decided). */
export async function lockEditableInventory(tx: Tx, user: CurrentUser, applicationId: string): Promise<Application> {
  const application = await lockOwnApplication(tx, user, applicationId);
  if (!isInventoryEditable(application.status)) throw new ConflictError("inventory.errors.frozen");
  return application;
}

/** Every inventory change makes earlier calculations stale. */
export async function bumpInventoryRevision(tx: Tx, applicationId: string): Promise<void> {
  await tx
    .update(applications)
    .set({ inventoryRevision: sql`${applications.inventoryRevision} + 1`, updatedAt: new Date() })
    .where(eq(applications.id, applicationId));
}
