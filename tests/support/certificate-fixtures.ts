/**
 * Certificate test fixtures: an application ready for the decision (assigned body, lead verifier,
 * reviewer, statement, one frozen submission) in a category of its own, so benchmarks set by one
 * test never grade another's certificate.
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import {
  applications,
  benchmarks,
  calculations,
  inventoryLines,
  productCategories,
  products,
  submissions,
  users,
} from "@/db/schema";
import { findUserAsActor } from "@/lib/auth/actor";
import { canonicalDigest } from "@/lib/calc/digest";
import { loadInventorySnapshot } from "@/lib/dal/inventory-snapshot";
import { issueCertificate } from "@/lib/domain/certificates/issue-certificate";
import { createApplication, createOrganization, createUser } from "./factories";

export async function createCategory(benchmark?: { value: string; thresholds?: number[]; effectiveFrom?: string }) {
  const id = `test_${crypto.randomBytes(4).toString("hex")}`;
  await db.insert(productCategories).values({ id, nameZh: "测试类别", nameEn: "Test category", sector: "test", declaredUnit: "piece" });
  if (benchmark) {
    await db.insert(benchmarks).values({
      categoryId: id,
      version: 1,
      value: benchmark.value,
      declaredUnit: "piece",
      source: "Test benchmark",
      effectiveFrom: benchmark.effectiveFrom ?? "2020-01-01",
      thresholds: benchmark.thresholds ?? [0.7, 0.85, 1, 1.15],
    });
  }
  return id;
}

/**
 * An enterprise's application awaiting the decision, with its people. The inventory: the factory
 * line (250 MWh × 0.4 allocation at the 2024 national grid factor) plus 2 kg of aluminium per piece
 * at a supplier factor of 8.5 kg CO2e/kg, over 10 000 pieces.
 */
export async function createApplicationAwaitingDecision(options: { categoryId?: string; product?: Partial<typeof products.$inferInsert> } = {}) {
  const enterprise = await createOrganization("enterprise");
  const body = await createOrganization("verification_body");
  const enterpriseUser = await createUser("enterprise", enterprise.id);
  const verifier = await createUser("verifier", body.id);
  const reviewer = await createUser("reviewer", body.id);
  const draft = await createApplication(enterprise.id, { verificationBodyId: body.id, leadVerifierId: verifier.id });
  const categoryId = options.categoryId ?? (await createCategory());
  await db.update(products).set({ categoryId, ...options.product }).where(eq(products.id, draft.productId));
  await db.insert(inventoryLines).values({
    applicationId: draft.id,
    stage: "raw_material",
    description: "Aluminium casing",
    quantity: "20000",
    unit: "kg",
    source: "supplier_factor",
    supplierFactorValue: "8.5",
    supplierFactorUnit: "kg",
    supplierName: "Test Aluminium Co.",
  });

  const { application, result } = await freezeForDecision(draft, { body, enterpriseUser, reviewer, categoryId });
  return { application, enterprise, body, enterpriseUser, verifier, reviewer, result };
}

/**
 * Freezes a draft's inventory as its first-round submission and moves it to the decision, as
 * the body's recommendation would leave it: calculation, submission with its digest, reviewer
 * and statement.
 */
export async function freezeForDecision(
  draft: { id: string; inventoryRevision: number },
  people: { body: { id: string }; enterpriseUser: { id: string }; reviewer: { id: string }; categoryId: string },
) {
  const { body, enterpriseUser, reviewer, categoryId } = people;
  const snapshot = await loadInventorySnapshot(db, draft.id);
  const [calculation] = await db
    .insert(calculations)
    .values({
      applicationId: draft.id,
      inventoryRevision: draft.inventoryRevision,
      result: snapshot.calculation.result,
      fossil: snapshot.calculation.byCategory.fossil,
      biogenic: snapshot.calculation.byCategory.biogenic,
      landUseChange: snapshot.calculation.byCategory.land_use_change,
      primaryShare: snapshot.calculation.primaryShare,
      dataQuality: snapshot.calculation.dataQuality,
      gwpSet: snapshot.calculation.gwpSet,
      breakdown: snapshot.calculation,
      createdBy: enterpriseUser.id,
    })
    .returning();
  await db.insert(submissions).values({
    applicationId: draft.id,
    round: 1,
    verificationBodyId: body.id,
    calculationId: calculation.id,
    snapshot,
    snapshotSha256: canonicalDigest(snapshot),
    submittedBy: enterpriseUser.id,
  });
  const [application] = await db
    .update(applications)
    .set({
      categoryId,
      status: "awaiting_decision",
      round: 1,
      reviewerId: reviewer.id,
      recommendation: "approve",
      verificationStatement: "The footprint is stated fairly, in accordance with GB/T 24067-2024.",
      resultValue: snapshot.calculation.result,
      latestCalculationId: calculation.id,
    })
    .where(eq(applications.id, draft.id))
    .returning();
  return { application, result: snapshot.calculation.result };
}

/** A test user as the operations see them (with their organization), to call an operation directly. */
export async function actorFor(user: { id: string }) {
  const actor = await findUserAsActor(eq(users.id, user.id));
  if (!actor) throw new Error(`test user ${user.id} is missing`);
  return actor;
}

/** Approves (status certified) and issues, as the reviewer would in one transaction. */
export async function createIssuedCertificate(options: Parameters<typeof createApplicationAwaitingDecision>[0] = {}) {
  const setup = await createApplicationAwaitingDecision(options);
  const reviewer = await actorFor(setup.reviewer);
  const certificate = await db.transaction(async (tx) => {
    await tx.update(applications).set({ status: "certified" }).where(eq(applications.id, setup.application.id));
    return issueCertificate(tx, reviewer, { applicationId: setup.application.id });
  });
  return { ...setup, certificate };
}
