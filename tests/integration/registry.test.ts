import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { GET as registryExport } from "@/app/(site)/registry/export/route";
import { db } from "@/db";
import { certificates } from "@/db/schema";
import { exportRegistry, getRegistryPage, searchRegistry } from "@/lib/dal/public-certificates";
import { registryQuerySchema } from "@/lib/validation/schemas/certificates";
import { createCategory, createIssuedCertificate } from "../support/certificate-fixtures";

const BASE = "http://portal.test";

/** Three certificates in one category of their own, graded 1, 3 and none, with known footprints. */
async function registryFixture() {
  const categoryId = await createCategory();
  const a = await createIssuedCertificate({ categoryId });
  const b = await createIssuedCertificate({ categoryId });
  const c = await createIssuedCertificate({ categoryId });
  await db.update(certificates).set({ grade: 3, value: "9.5", productName: "乙产品" }).where(eq(certificates.id, a.certificate.id));
  await db.update(certificates).set({ grade: 1, value: "12.25", productName: "甲产品" }).where(eq(certificates.id, b.certificate.id));
  await db.update(certificates).set({ grade: null, value: "3", productName: "丙产品" }).where(eq(certificates.id, c.certificate.id));
  return { categoryId, a, b, c };
}

const numbers = (rows: Array<{ number: string }>) => rows.map((row) => row.number);

describe("registry filters and sort", () => {
  it("filters by category, grade at most, exact grade, status and verification body", async () => {
    const { categoryId, a, b, c } = await registryFixture();
    expect((await searchRegistry({ category: categoryId, page: 1 })).total).toBe(3);
    expect(numbers((await searchRegistry({ category: categoryId, maxGrade: 3, sort: "grade", page: 1 })).rows)).toEqual([
      b.certificate.number,
      a.certificate.number,
    ]);
    expect(numbers((await searchRegistry({ category: categoryId, maxGrade: 2, page: 1 })).rows)).toEqual([b.certificate.number]);
    expect(numbers((await searchRegistry({ category: categoryId, grade: 3, page: 1 })).rows)).toEqual([a.certificate.number]);
    const byBody = await searchRegistry({ category: categoryId, body: c.certificate.verificationBodyId, page: 1 });
    expect(numbers(byBody.rows)).toContain(c.certificate.number);
    expect(byBody.total).toBeLessThan(3);
    await db.update(certificates).set({ status: "suspended", statusReason: "Checked" }).where(eq(certificates.id, a.certificate.id));
    expect(numbers((await searchRegistry({ category: categoryId, status: "suspended", page: 1 })).rows)).toEqual([a.certificate.number]);
    const page = await getRegistryPage({ category: categoryId, page: 1 });
    expect(page.bodies.map((body) => body.id)).toContain(c.certificate.verificationBodyId);
  });

  it("sorts by lowest footprint, best grade (ungraded last), product name and newest", async () => {
    const { categoryId, a, b, c } = await registryFixture();
    const sorted = async (sort: "footprint" | "grade" | "product" | "newest") =>
      numbers((await searchRegistry({ category: categoryId, sort, page: 1 })).rows);
    expect(await sorted("footprint")).toEqual([c.certificate.number, a.certificate.number, b.certificate.number]);
    expect(await sorted("grade")).toEqual([b.certificate.number, a.certificate.number, c.certificate.number]);
    expect((await sorted("product")).length).toBe(3);
    expect(new Set(await sorted("newest"))).toEqual(new Set([a.certificate.number, b.certificate.number, c.certificate.number]));
  });

  it("ignores malformed query parameters rather than failing", () => {
    expect(registryQuerySchema.parse({ sort: "drop", body: "not-a-uuid", maxGrade: "x", page: "0" })).toEqual({ sort: "newest", page: 1 });
  });
});

describe("registry CSV export", () => {
  it("exports the public fields of the same search, with formula-leading cells neutralized", async () => {
    const { categoryId, a } = await registryFixture();
    await db.update(certificates).set({ productName: "=HYPERLINK(\"http://evil\")", productNameEn: "+cmd" }).where(eq(certificates.id, a.certificate.id));
    const response = await registryExport(new Request(`${BASE}/registry/export?category=${categoryId}&sort=footprint`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("carbonlabel-registry.csv");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.data.map((row) => row.certificate_number)).toEqual(numbers(await exportRegistry({ category: categoryId, sort: "footprint" })));
    const row = parsed.data.find((candidate) => candidate.certificate_number === a.certificate.number);
    expect(row).toMatchObject({
      product_zh: "'=HYPERLINK(\"http://evil\")",
      product_en: "'+cmd",
      footprint_kg_co2e: "9.5",
      grade: "3",
      status: "valid",
      url: `${BASE}/labels/${a.certificate.number}`,
    });
    for (const secret of ["inventory", "statement", "leadVerifier", "reviewer", "creditCode"]) expect(text).not.toContain(secret);
  });
});
