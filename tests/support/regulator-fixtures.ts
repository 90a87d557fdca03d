/**
 * A small pilot per region for the regulator tests: each test file uses its own
 * region codes, so counts never mix with other files' data in the shared database.
 */
import crypto from "node:crypto";
import { db } from "@/db";
import {
  applications,
  certificateStageEmissions,
  certificates,
  emissionFactors,
  inventoryLines,
  products,
  type CertificateStatus,
} from "@/db/schema";
import { eq } from "drizzle-orm";
import { recordStageTransition } from "@/lib/domain/applications/stage-durations";
import { createApplication, createOrganization, createUser } from "./factories";

export async function createRegion(region: string, district: string) {
  const bureau = await createOrganization("regulator", { region, district: null });
  const regulator = await createUser("regulator", bureau.id);
  const body = await createOrganization("verification_body", { region, district });
  const verifier = await createUser("verifier", body.id);
  const enterprise = await createOrganization("enterprise", { region, district });
  const enterpriseUser = await createUser("enterprise", enterprise.id);
  return { region, district, bureau, regulator, body, verifier, enterprise, enterpriseUser };
}

/** A factor of its own (never the seeded ones other tests rely on); national (CN) unless a region is given. */
export async function createFactor(value = "0.5", unit = "kWh", region = "CN") {
  const [factor] = await db
    .insert(emissionFactors)
    .values({
      factorKey: `test.electricity.${crypto.randomBytes(4).toString("hex")}`,
      nameZh: "测试电力",
      nameEn: "Test electricity",
      category: "electricity",
      value,
      unit,
      region,
      year: 2025,
      source: "test",
    })
    .returning();
  return factor;
}

/**
 * A certified application with its certificate (value kg CO2e per unit), a
 * stage transition and stage emissions; optionally a line of `factor`
 * (quantity in kWh, production volume 10,000 units).
 */
export async function createCertificate(
  pilot: Awaited<ReturnType<typeof createRegion>>,
  options: {
    value: string;
    categoryId?: string;
    grade?: number;
    status?: CertificateStatus;
    issuedOn?: string;
    expiresOn?: string;
    factor?: { id: string; quantity: string };
  },
) {
  const application = await createApplication(pilot.enterprise.id, { status: "certified", verificationBodyId: pilot.body.id });
  if (options.categoryId) {
    await db.update(applications).set({ categoryId: options.categoryId }).where(eq(applications.id, application.id));
    await db.update(products).set({ categoryId: options.categoryId }).where(eq(products.id, application.productId));
  }
  if (options.factor) {
    await db.insert(inventoryLines).values({
      applicationId: application.id,
      stage: "production",
      description: "Test line",
      quantity: options.factor.quantity,
      unit: "kWh",
      source: "database_factor",
      factorId: options.factor.id,
    });
  }
  const issuedOn = options.issuedOn ?? "2026-03-15";
  const categoryId = options.categoryId ?? application.categoryId;
  const [certificate] = await db
    .insert(certificates)
    .values({
      number: `CFP-T-${crypto.randomBytes(5).toString("hex").toUpperCase()}`,
      applicationId: application.id,
      productId: application.productId,
      organizationId: pilot.enterprise.id,
      verificationBodyId: pilot.body.id,
      categoryId,
      region: pilot.region,
      district: pilot.district,
      productName: "测试产品",
      productNameEn: "Test product",
      enterpriseName: pilot.enterprise.name,
      value: options.value,
      grade: options.grade ?? 2,
      ratio: "0.8",
      issuedOn,
      expiresOn: options.expiresOn ?? "2099-03-15",
      status: options.status ?? "valid",
      nextSurveillanceDue: "2099-01-01",
      snapshot: {},
      snapshotSha256: "0".repeat(64),
    })
    .returning();
  await recordStageTransition(db, {
    applicationId: application.id,
    region: pilot.region,
    categoryId,
    district: pilot.district,
    fromStatus: "in_review",
    toStatus: "awaiting_decision",
    daysInFrom: "10",
  });
  await db.insert(certificateStageEmissions).values({
    certificateId: certificate.id,
    stage: "production",
    value: options.value,
    region: pilot.region,
    categoryId,
    district: pilot.district,
    issuedOn,
  });
  return { application, certificate };
}

/** The database's own message (drizzle wraps it as the cause). */
export async function databaseError(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return "no error";
}
