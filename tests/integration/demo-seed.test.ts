import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, certificateCredentials, certificates, inventoryLines, organizations, products, supplyRequests } from "@/db/schema";
import { DEMO_PACT_CLIENT, demoLoginsText } from "@/lib/seed/demo-accounts";
import type { ProductFootprint } from "@/lib/pact/footprint";
import { productFootprintProblems } from "@/lib/pact/validate";
import { basic, tokenEndpoint, tokenRequest } from "../support/api-clients";
import { listFootprints } from "../support/pact";
import { seedDemoPilot } from "@/lib/seed/demo";
import { seedDemoWorkflow } from "@/lib/seed/demo-workflow";

describe("demo pilot", () => {
  it("spreads the demo applications over the stages through the real workflow", async () => {
    await seedDemoPilot(db);
    await seedDemoWorkflow(db);
    const rows = await db
      .select({ model: products.model, status: applications.status })
      .from(applications)
      .innerJoin(products, eq(products.id, applications.productId));
    const byModel = Object.fromEntries(rows.map((r) => [r.model, r.status]));
    expect(byModel).toMatchObject({
      "YX-13E": "certified",
      "YX-14S": "draft",
      "LY-LFP280": "awaiting_decision",
      "CJ-EV7": "changes_requested",
      "CS-PC1000": "draft",
      "LY-ESS215": "draft",
      "TL-LFP-C1": "certified",
    });
    const [certificate] = await db.select().from(certificates).where(eq(certificates.productName, "渝新教育笔记本电脑 13 英寸"));
    expect(certificate.grade).toBe(1);
    expect(certificate.status).toBe("valid");
    // Certified through the real approval, so signed in the same transaction.
    const [credential] = await db.select().from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificate.id));
    expect(credential.jws.split(".")).toHaveLength(3);
  });

  // Runs on the pilot the test above loaded.
  it("gives the battery maker a supplier: one fulfilled request pricing its pack's cathode line, one pending", async () => {
    expect(demoLoginsText()).toContain("cathode@demo.carbonlabel.org");
    const [supplier] = await db.select().from(organizations).where(eq(organizations.nameEn, "Chongqing Tongliang Cathode Materials Co."));
    const [battery] = await db.select().from(organizations).where(eq(organizations.nameEn, "Chongqing Liyuan Battery Technology Co."));
    const requests = await db.select().from(supplyRequests).where(eq(supplyRequests.supplierOrganizationId, supplier.id));
    expect(requests.map((request) => [request.requesterOrganizationId, request.status]).sort()).toEqual([
      [battery.id, "fulfilled"],
      [battery.id, "pending"],
    ]);
    const fulfilled = requests.find((request) => request.status === "fulfilled")!;
    const [certificate] = await db.select().from(certificates).where(eq(certificates.id, fulfilled.fulfilledCertificateId!));
    expect(certificate.status).toBe("valid");
    const [line] = await db.select().from(inventoryLines).where(eq(inventoryLines.supplyRequestId, fulfilled.id));
    const [pack] = await db.select({ model: products.model }).from(applications).innerJoin(products, eq(products.id, applications.productId)).where(eq(applications.id, line.applicationId));
    expect(pack.model).toBe("LY-LFP280");
    // The certified value per t of cathode material, not the figure typed in before.
    expect(line).toMatchObject({ unit: "t", supplierFactorUnit: "t", supplierName: supplier.name, verification: "verified" });
    expect(line.supplierFactorValue).not.toBe("9500");
  });

  it("gives the laptop enterprise two certified footprints, readable with the demo PACT client the logins print", async () => {
    expect(demoLoginsText()).toContain(DEMO_PACT_CLIENT.id);
    expect(demoLoginsText()).toContain(DEMO_PACT_CLIENT.secret);
    const token = await tokenEndpoint(tokenRequest("grant_type=client_credentials", { authorization: basic(DEMO_PACT_CLIENT.id, DEMO_PACT_CLIENT.secret) }));
    expect(token.status).toBe(200);
    const response = await listFootprints((await token.json()).access_token);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: ProductFootprint[] };
    const [laptopMaker] = await db.select().from(organizations).where(eq(organizations.nameEn, "Chongqing Yuxin Computer Manufacturing Co."));
    expect(data.map((footprint) => [footprint.productNameCompany, footprint.status]).sort()).toEqual([
      ["Yuxin 12-inch 2-in-1 laptop", "Active"],
      ["Yuxin Education 13-inch laptop", "Active"],
    ]);
    for (const footprint of data) {
      expect(productFootprintProblems(footprint)).toEqual([]);
      expect(footprint.companyIds).toEqual([`urn:pact:cods.org.cn:uscc:${laptopMaker.creditCode}`]);
    }
  });
});
