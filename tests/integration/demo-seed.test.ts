import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, certificates, products } from "@/db/schema";
import { seedDemoPilot } from "@/db/seed/demo";
import { seedDemoWorkflow } from "@/db/seed/demo-workflow";

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
    });
    const [certificate] = await db.select().from(certificates).where(eq(certificates.productName, "渝新教育笔记本电脑 13 英寸"));
    expect(certificate.grade).toBe(1);
    expect(certificate.status).toBe("valid");
  });
});
