import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { batteryDeclarations, products } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError, OperationError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { isArticle7Category } from "@/lib/rules/battery-declaration";
import type { BatteryDeclarationValues } from "@/lib/validation/schemas/battery-declaration";

/**
 * The enterprise records (or corrects) what its battery product's EU carbon footprint
 * declaration needs beyond the footprint. Refused for a product outside the battery categories
 * of Article 7: a declaration for it would be false.
 */
export async function saveBatteryDeclaration(tx: Tx, actor: Actor | null, input: BatteryDeclarationValues) {
  assertUserCan(actor, "batteryDeclaration.edit");
  const [product] = await tx.select().from(products).where(eq(products.id, input.productId)).for("update");
  // Another enterprise's product is "not found", the same answer as a missing one.
  if (!product || product.organizationId !== actor.organizationId) throw new NotFoundError();
  if (!isArticle7Category(product.categoryId)) throw new OperationError("batteryDeclaration.errors.notBatteryCategory");

  const cycles = input.serviceLifeBasis === "cycles";
  const declared = {
    batteryModel: input.batteryModel,
    plantName: input.plantName,
    plantAddress: input.plantAddress,
    plantLatitude: input.plantLatitude,
    plantLongitude: input.plantLongitude,
    batteryCategory: input.batteryCategory,
    ratedEnergy: input.ratedEnergy,
    serviceLifeBasis: input.serviceLifeBasis,
    // Only the figures of the chosen basis are kept: the other basis's are not part of the declaration.
    serviceLifeCycles: cycles ? Number(input.serviceLifeCycles) : null,
    serviceLifeYears: cycles ? null : input.serviceLifeYears,
    annualEnergyThroughput: cycles ? null : input.annualEnergyThroughput,
    declarationOfConformityId: input.declarationOfConformityId,
    studyUrl: input.studyUrl || null,
  };
  const values = { ...declared, updatedBy: actor.id, updatedAt: new Date() };
  await tx
    .insert(batteryDeclarations)
    .values({ productId: product.id, organizationId: product.organizationId, ...values })
    .onConflictDoUpdate({ target: batteryDeclarations.productId, set: values });
  await recordAuditEvent(tx, actor, {
    action: "batteryDeclaration.save",
    entityType: "product",
    entityId: product.id,
    subjectOrganizationId: product.organizationId,
    region: actor.region,
    productId: product.id,
    data: declared,
  });
  return { productId: product.id };
}
