/**
 * The demo's supply chain, entered by its enterprise users through the supply operations: the
 * battery maker asked its cathode-material supplier for the footprint of the material its pack
 * is made of, the supplier answered with its certified footprint (everything shared), and the
 * battery maker priced its cathode line with it; a second request, for the storage cabinet's
 * material, still waits in the supplier's inbox.
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, certificates, inventoryLines, productFootprints, products, users } from "@/db/schema";
import { findUserAsActor } from "@/lib/auth/actor";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { applySupplierFootprint } from "@/lib/domain/inventory/apply-supplier-footprint";
import { createSupplyRequest } from "@/lib/domain/supply-requests/create-supply-request";
import { fulfilSupplyRequest } from "@/lib/domain/supply-requests/fulfil-supply-request";
import { SHARED_FOOTPRINT_FIELDS } from "@/lib/enums";
import type { UserActor } from "@/lib/policy";
import { createSupplyRequestSchema } from "@/lib/validation/schemas/supply";

export const DEMO_SUPPLIER_MODEL = "TL-LFP-C1";
const CUSTOMER_MODEL = "LY-LFP280";
const CATHODE_LINE = "电芯正极材料（供应商 PCF）";

async function demoUser(tx: Tx, email: string): Promise<UserActor> {
  const user = await findUserAsActor(eq(users.email, email), tx);
  if (!user) throw new Error(`demo user ${email} is missing`);
  return user;
}

async function draftOf(tx: Tx, model: string): Promise<string> {
  const [row] = await tx
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .where(eq(products.model, model));
  if (!row) throw new Error(`no demo application for ${model}`);
  return row.id;
}

/** Runs once the supplier's cathode material is certified, before the battery pack is submitted. */
export async function seedDemoSupplyChain(tx: Tx): Promise<void> {
  const battery = await demoUser(tx, "battery@demo.carbonlabel.org");
  const supplier = await demoUser(tx, "cathode@demo.carbonlabel.org");
  const [footprint] = await tx
    .select({ id: productFootprints.id })
    .from(productFootprints)
    .innerJoin(certificates, eq(certificates.id, productFootprints.certificateId))
    .innerJoin(products, eq(products.id, certificates.productId))
    .where(and(eq(productFootprints.organizationId, supplier.organizationId), eq(products.model, DEMO_SUPPLIER_MODEL)));
  if (!footprint) throw new Error("the demo supplier's certificate has no PACT footprint");

  const applicationId = await draftOf(tx, CUSTOMER_MODEL);
  const [line] = await tx
    .select({ id: inventoryLines.id })
    .from(inventoryLines)
    .where(and(eq(inventoryLines.applicationId, applicationId), eq(inventoryLines.description, CATHODE_LINE)));
  if (!line) throw new Error("the demo battery pack has no cathode line");
  const dueOn = addDays(todayInShanghai(), 30);
  const asked = await createSupplyRequest(
    tx,
    battery,
    createSupplyRequestSchema.parse({
      supplier: `organization:${supplier.organizationId}`,
      productName: "磷酸铁锂正极材料",
      productModel: DEMO_SUPPLIER_MODEL,
      declaredUnit: "t",
      quantityContext: "4 400 t / 年（LY-LFP280 电池包）",
      dueOn,
      message: "请提供经认证的产品碳足迹，用于我司动力电池包的碳足迹认证。",
      applicationId,
      lineId: line.id,
    }),
  );
  await fulfilSupplyRequest(tx, supplier, { requestId: asked.requestId, expectedVersion: 1, footprintId: footprint.id, fields: [...SHARED_FOOTPRINT_FIELDS] });
  await applySupplierFootprint(tx, battery, { requestId: asked.requestId, applicationId, lineId: line.id });

  await createSupplyRequest(
    tx,
    battery,
    createSupplyRequestSchema.parse({
      supplier: `organization:${supplier.organizationId}`,
      productName: "储能型高压实磷酸铁锂正极材料",
      productModel: "TL-LFP-S2",
      declaredUnit: "t",
      quantityContext: "450 t / 年（LY-ESS215 储能电池柜）",
      dueOn,
      message: null,
      applicationId: await draftOf(tx, "LY-ESS215"),
    }),
  );
}
