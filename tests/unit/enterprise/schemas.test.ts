import { describe, expect, it } from "vitest";
import { inventoryLineSchema } from "@/lib/validation/schemas/inventory";
import { productSchema } from "@/lib/validation/schemas/products";
import { normalizeDecimalInput } from "@/lib/validation/zod";

const product = {
  nameZh: "笔记本电脑",
  nameEn: "Laptop",
  model: "X-1",
  categoryId: "laptop",
  hsCode: "84713000",
  declaredUnitAmount: "1",
  declaredUnit: "piece",
  systemBoundary: "cradle_to_gate",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  productionVolume: "10000",
  site: "Chongqing",
  exportMarkets: ["EU"],
};

function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("productSchema", () => {
  it("accepts a complete product", () => {
    expect(productSchema.safeParse(product).success).toBe(true);
  });

  it("refuses a bad HS code, an unknown category, a zero volume and a reversed period, each on its field", () => {
    const result = productSchema.safeParse({ ...product, hsCode: "8471", categoryId: "spaceship", productionVolume: "0", periodEnd: "2024-12-31" });
    expect(fieldErrors(result)).toEqual({
      hsCode: "enterprise.validation.hsCode",
      categoryId: "validation.choice",
      productionVolume: "validation.positive",
      periodEnd: "enterprise.validation.periodOrder",
    });
  });

  it("accepts a 10-digit HS code and refuses 11 digits", () => {
    expect(productSchema.safeParse({ ...product, hsCode: "8703800090" }).success).toBe(true);
    expect(productSchema.safeParse({ ...product, hsCode: "87038000901" }).success).toBe(false);
  });
});

describe("inventoryLineSchema", () => {
  const line = {
    applicationId: "3f1c1f5e-7a1b-4c55-9a3c-0e6a3e4c8b21",
    stage: "production",
    description: "Electricity",
    quantity: "250",
    unit: "MWh",
    source: "database_factor",
    factorId: "0b9f0d52-3c5f-4b7e-8a3e-5d1c2b3a4f60",
    dataType: "primary",
    dqrTechnological: 1,
    dqrGeographical: 2,
    dqrTemporal: 3,
    allocationShare: "0.4",
    emissionCategory: "fossil",
  };

  it("accepts a database-factor line", () => {
    expect(inventoryLineSchema.safeParse(line).success).toBe(true);
  });

  it("requires the fields of the chosen source", () => {
    expect(fieldErrors(inventoryLineSchema.safeParse({ ...line, factorId: "" }))).toEqual({ factorId: "inventory.validation.pickFactor" });
    expect(fieldErrors(inventoryLineSchema.safeParse({ ...line, source: "direct_gas" }))).toEqual({ gas: "validation.required" });
    expect(Object.keys(fieldErrors(inventoryLineSchema.safeParse({ ...line, source: "supplier_factor" }))).sort()).toEqual([
      "supplierFactorUnit",
      "supplierFactorValue",
      "supplierName",
    ]);
  });

  it("refuses an allocation share outside 0–1 and a rating of 6", () => {
    const result = inventoryLineSchema.safeParse({ ...line, allocationShare: "1.5", dqrTemporal: 6 });
    expect(fieldErrors(result)).toEqual({ allocationShare: "inventory.validation.allocation", dqrTemporal: expect.stringContaining("validation.max") });
  });
});

describe("numbers typed with thousands separators (issue 17)", () => {
  it.each([
    ["1,200,000", "1200000"],
    ["1,200,000.75", "1200000.75"],
    ["-12,345.5", "-12345.5"],
    ["  999  ", "999"],
    ["0.000123", "0.000123"],
    // A Chinese input method in full-width mode: digits, comma, point and minus.
    ["１，２００，０００", "1200000"],
    ["１２００．５", "1200.5"],
    ["1，200", "1200"],
    ["－３", "-3"],
  ])("normalizes %j to %j", (typed, plain) => {
    expect(normalizeDecimalInput(typed)).toBe(plain);
  });

  it.each(["1,5", "12,34", "1,2000", ",100", "1,000,", "1.000,5", "1,000.5,0"])("keeps the comma of %j, so it fails the number check", (typed) => {
    expect(normalizeDecimalInput(typed)).toContain(",");
  });

  it("stores the plain number of a product's production volume and an inventory quantity", () => {
    const parsedProduct = productSchema.safeParse({ ...product, productionVolume: "1,200,000" });
    expect(parsedProduct.success && parsedProduct.data.productionVolume).toBe("1200000");
    const parsedLine = inventoryLineSchema.safeParse({
      applicationId: "3f1c1f5e-7a1b-4c55-9a3c-0e6a3e4c8b21",
      stage: "production",
      description: "Electricity",
      quantity: "２５０，０００．５",
      unit: "kWh",
      source: "supplier_factor",
      supplierFactorValue: "1,234.5",
      supplierFactorUnit: "kWh",
      supplierName: "Grid",
      dataType: "primary",
      dqrTechnological: 1,
      dqrGeographical: 2,
      dqrTemporal: 3,
      allocationShare: "1",
      emissionCategory: "fossil",
    });
    expect(parsedLine.success && [parsedLine.data.quantity, parsedLine.data.supplierFactorValue]).toEqual(["250000.5", "1234.5"]);
  });

  it("says where commas go when one is misplaced, and asks for a number otherwise", () => {
    expect(fieldErrors(productSchema.safeParse({ ...product, productionVolume: "1,5" }))).toEqual({ productionVolume: "validation.numberSeparators" });
    expect(fieldErrors(productSchema.safeParse({ ...product, productionVolume: "12,0000" }))).toEqual({ productionVolume: "validation.numberSeparators" });
    expect(fieldErrors(productSchema.safeParse({ ...product, productionVolume: "lots" }))).toEqual({ productionVolume: "validation.number" });
  });

  it("still bounds the digits after removing the separators", () => {
    expect(fieldErrors(productSchema.safeParse({ ...product, productionVolume: "1,000,000,000,000,000" }))).toEqual({
      productionVolume: expect.stringContaining("validation.decimalBounds"),
    });
  });
});
