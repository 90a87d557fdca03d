import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, auditEvents, products } from "@/db/schema";
import { createApplicationAction } from "@/lib/actions/applications/create-application";
import { createProductAction } from "@/lib/actions/products/create-product";
import { updateProductAction } from "@/lib/actions/products/update-product";
import { createCast, expectRefusedForOthers } from "../support/enterprise-cast";
import { actAs, createApplication, createProduct } from "../support/factories";
import { createCertificate, createRegion } from "../support/regulator-fixtures";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getOwnProduct } from "@/lib/dal/enterprise-products";

async function currentUserOf(user: Parameters<typeof actAs>[0]) {
  actAs(user);
  const current = await getCurrentUser();
  if (!current) throw new Error("no session");
  return current;
}

const productInput = () => ({
  nameZh: "渝新笔记本电脑",
  nameEn: "Yuxin laptop",
  model: "YX-1",
  categoryId: "laptop",
  hsCode: "84713000",
  declaredUnitAmount: "1",
  declaredUnit: "piece",
  systemBoundary: "cradle_to_gate" as const,
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  productionVolume: "10000",
  site: "重庆市沙坪坝区",
  exportMarkets: ["EU" as const, "US" as const],
});

let cast: Awaited<ReturnType<typeof createCast>>;
beforeAll(async () => {
  cast = await createCast();
});

describe("register a product", () => {
  it("stores the enterprise's product with every field and audits it", async () => {
    actAs(cast.owner);
    const result = await createProductAction(productInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [product] = await db.select().from(products).where(eq(products.id, result.data.productId));
    expect(product).toMatchObject({ ...productInput(), organizationId: cast.enterprise.id });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, product.id)).orderBy(auditEvents.id);
    expect(events.map((event) => event.action)).toEqual(["product.create"]);
  });

  it("returns field errors for bad input and stores nothing", async () => {
    actAs(cast.owner);
    const before = await db.select().from(products).where(eq(products.organizationId, cast.enterprise.id));
    const result = await createProductAction({ ...productInput(), hsCode: "12", periodEnd: "2024-01-01", productionVolume: "-1" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        hsCode: ["enterprise.validation.hsCode"],
        periodEnd: ["enterprise.validation.periodOrder"],
        productionVolume: ["validation.positive"],
      },
    });
    const after = await db.select().from(products).where(eq(products.organizationId, cast.enterprise.id));
    expect(after).toHaveLength(before.length);
  });

  it("refuses verifiers, regulators, admins and anonymous callers", async () => {
    for (const caller of [cast.verifier, cast.regulator, cast.admin]) {
      actAs(caller);
      expect(await createProductAction(productInput())).toMatchObject({ ok: false, message: "errors.forbidden" });
    }
    actAs(null);
    expect(await createProductAction(productInput())).toMatchObject({ ok: false, message: "errors.unauthenticated" });
  });
});

describe("edit a product", () => {
  it("lets the owner edit while no application is with a body", async () => {
    const product = await createProduct(cast.enterprise.id);
    actAs(cast.owner);
    const result = await updateProductAction({ ...productInput(), productId: product.id, model: "YX-2" });
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(products).where(eq(products.id, product.id));
    expect(row.model).toBe("YX-2");
  });

  it("makes the calculation of an open application stale", async () => {
    const application = await createApplication(cast.enterprise.id);
    actAs(cast.owner);
    expect((await updateProductAction({ ...productInput(), productId: application.productId, productionVolume: "20000" })).ok).toBe(true);
    const [row] = await db.select().from(applications).where(eq(applications.id, application.id));
    expect(row.inventoryRevision).toBe(application.inventoryRevision + 1);
  });

  it("refuses everyone else", async () => {
    const product = await createProduct(cast.enterprise.id);
    await expectRefusedForOthers(cast, () => updateProductAction({ ...productInput(), productId: product.id }));
    const [row] = await db.select().from(products).where(eq(products.id, product.id));
    expect(row.model).toBe(product.model);
  });

  it("refuses while an application of the product is submitted", async () => {
    const application = await createApplication(cast.enterprise.id, { status: "submitted", verificationBodyId: cast.body.id });
    actAs(cast.owner);
    const result = await updateProductAction({ ...productInput(), productId: application.productId });
    expect(result).toMatchObject({ ok: false, message: "enterprise.errors.productFrozen" });
  });
});

describe("a certified product (issue 17)", () => {
  // A region of this file's own, so its certificates never show on another file's regulator dashboard.
  let pilot: Awaited<ReturnType<typeof createRegion>>;
  beforeAll(async () => {
    pilot = await createRegion("860000", "860101");
  });

  const productRow = async (productId: string) => (await db.select().from(products).where(eq(products.id, productId)))[0];
  const updateEvents = async (productId: string) =>
    db.select({ id: auditEvents.id }).from(auditEvents).where(and(eq(auditEvents.entityId, productId), eq(auditEvents.action, "product.update")));

  it("lets the owner edit a product whose certificate was withdrawn", async () => {
    const { application } = await createCertificate(pilot, { value: "300", status: "withdrawn" });
    actAs(pilot.enterpriseUser);
    const result = await updateProductAction({ ...productInput(), productId: application.productId, model: "YX-2" });
    expect(result.ok).toBe(true);
    expect((await productRow(application.productId)).model).toBe("YX-2");
    expect(await updateEvents(application.productId)).toHaveLength(1);
  });

  it.each(["valid", "suspended"] as const)("refuses to change a product with a %s certificate in force, and changes nothing", async (status) => {
    const { application } = await createCertificate(pilot, { value: "300", status });
    const before = await productRow(application.productId);
    actAs(pilot.enterpriseUser);
    const result = await updateProductAction({ ...productInput(), productId: application.productId, model: "YX-2", productionVolume: "1" });
    expect(result).toMatchObject({ ok: false, message: "enterprise.errors.productCertified" });
    expect(await productRow(application.productId)).toEqual(before);
    expect(await updateEvents(application.productId)).toHaveLength(0);
  });

  it("shows the product page read-only with the reason", async () => {
    const { application } = await createCertificate(pilot, { value: "300" });
    expect(await getOwnProduct(await currentUserOf(pilot.enterpriseUser), application.productId)).toMatchObject({ lock: "certified" });
    const free = await createProduct(pilot.enterprise.id);
    expect(await getOwnProduct(await currentUserOf(pilot.enterpriseUser), free.id)).toMatchObject({ lock: null });
  });

  it("lets the renewal draft of the certificate change the product (re-certification is the way)", async () => {
    const { certificate, application } = await createCertificate(pilot, { value: "300" });
    await db.insert(applications).values({
      productId: application.productId,
      organizationId: pilot.enterprise.id,
      categoryId: application.categoryId,
      region: pilot.region,
      district: pilot.district,
      previousCertificateId: certificate.id,
    });
    actAs(pilot.enterpriseUser);
    const result = await updateProductAction({ ...productInput(), productId: application.productId, periodStart: "2026-01-01", periodEnd: "2026-12-31" });
    expect(result.ok).toBe(true);
    expect(await productRow(application.productId)).toMatchObject({ periodStart: "2026-01-01", periodEnd: "2026-12-31" });
  });
});

describe("open an application", () => {
  it("opens a draft for the owner's product, and only one at a time", async () => {
    const product = await createProduct(cast.enterprise.id);
    actAs(cast.owner);
    const result = await createApplicationAction({ productId: product.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [application] = await db.select().from(applications).where(eq(applications.id, result.data.applicationId));
    expect(application).toMatchObject({ status: "draft", organizationId: cast.enterprise.id, categoryId: "laptop", region: cast.enterprise.region });
    expect(await createApplicationAction({ productId: product.id })).toMatchObject({ ok: false, message: "applications.errors.alreadyOpen" });
  });

  it("refuses everyone else", async () => {
    const product = await createProduct(cast.enterprise.id);
    await expectRefusedForOthers(cast, () => createApplicationAction({ productId: product.id }));
    const rows = await db.select().from(applications).where(and(eq(applications.productId, product.id)));
    expect(rows).toHaveLength(0);
  });
});
