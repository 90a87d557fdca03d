import type { FootprintSource } from "@/lib/pact/footprint";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";

export const BASE_URL = "https://carbonlabel.example.cn";
export const BODY_ID = "0b7e6c1e-3f2a-4c8e-9d1b-5a6f7e8d9c0b";
export const PRODUCT_ID = "5d3c2b1a-0f9e-4d8c-b7a6-958473625140";
export const FOOTPRINT_ID = "6f1e2d3c-4b5a-4978-8867-5a4b3c2d1e0f";
/** A compact JWS as the credential table holds it (its content is not read here). */
export const JWS = "eyJhbGciOiJFZERTQSJ9.eyJ0ZXN0Ijp0cnVlfQ.c2lnbmF0dXJl";

type Product = CertificateSnapshot["inventory"]["product"];

/**
 * A certified laptop, per piece: three lines (primary supplier PCF and metered electricity, a
 * secondary database factor) over 10 000 pieces; 306.5 kg CO2e each, of which 1.25 kg of biogenic
 * removals are reported apart.
 */
export function footprintSource(options: { product?: Partial<Product>; calculation?: Partial<CertificateSnapshot["inventory"]["calculation"]>; creditCode?: string | null } & Partial<FootprintSource> = {}): FootprintSource {
  const { product, calculation, creditCode, ...overrides } = options;
  const snapshot = {
    number: "CFP-CQ-2026-7K3M9Q",
    issuedOn: "2026-03-15",
    expiresOn: "2028-03-15",
    category: { id: "laptop", nameZh: "笔记本计算机", nameEn: "Laptop computers" },
    enterprise: { id: "e1", name: "重庆渝新电子有限公司", nameEn: "Chongqing Yuxin Electronics", creditCode: creditCode === undefined ? "91500000MA5U7XXXXX" : creditCode },
    verificationBody: { id: BODY_ID, name: "中环联合（重庆）认证中心", nameEn: "CEC Chongqing", accreditationNo: "CNCA-R-2026-001" },
    leadVerifier: { id: "v1", name: "Lead" },
    reviewer: { id: "r1", name: "Reviewer" },
    statement: "Verified.",
    submission: { id: "s1", round: 1, snapshotSha256: "a".repeat(64) },
    inventory: {
      application: { id: "a1", round: 1, productId: PRODUCT_ID, organizationId: "e1" },
      product: {
        id: PRODUCT_ID,
        organizationId: "e1",
        categoryId: "laptop",
        nameZh: "教育笔记本电脑",
        nameEn: "Education laptop",
        model: "YX-13E",
        hsCode: "84713000",
        declaredUnitAmount: "1",
        declaredUnit: "piece",
        systemBoundary: "cradle_to_gate",
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
        productionVolume: "10000",
        site: "重庆市渝北区",
        exportMarkets: ["EU"],
        massPerDeclaredUnit: "1.45",
        fossilCarbonContent: "0.31",
        biogenicCarbonContent: "0.02",
        ...product,
      },
      lines: [
        { id: "l1", stage: "raw_material", position: 0, description: "Mainboard", quantity: "10000", unit: "piece", source: "supplier_factor", factor: null, supplierFactor: { value: "250.1", unit: "piece", supplierName: "S" }, gas: null, dataType: "primary", dqr: { technological: 2, geographical: 1, temporal: 1 }, allocationShare: "1", emissionCategory: "fossil" },
        { id: "l2", stage: "production", position: 0, description: "Electricity", quantity: "100", unit: "MWh", source: "database_factor", factor: { id: "f1", factorKey: "cn.electricity.national.2024", version: 2, value: "0.5", unit: "kWh", source: "MEE 2024 national grid factor", emissionCategory: "fossil" }, supplierFactor: null, gas: null, dataType: "primary", dqr: { technological: 1, geographical: 1, temporal: 1 }, allocationShare: "1", emissionCategory: "fossil" },
        { id: "l3", stage: "distribution", position: 0, description: "Trucking", quantity: "1000", unit: "t·km", source: "database_factor", factor: { id: "f2", factorKey: "cpcd.transport.truck", version: 1, value: "0.08", unit: "t·km", source: "CPCD", emissionCategory: "fossil" }, supplierFactor: null, gas: null, dataType: "secondary", dqr: { technological: 4, geographical: 3, temporal: 5 }, allocationShare: "1", emissionCategory: "fossil" },
      ],
      gwp: { set: "AR6", values: {} },
      calculation: {
        ok: true,
        result: "306.5412345678",
        totalPeriod: "3065412.345678",
        byStage: { raw_material: "250.1", production: "48.4412345678", distribution: "8" },
        byCategory: { fossil: "306.5412345678", biogenic: "0", land_use_change: "0" },
        biogenicRemovals: "-1.25",
        lines: [
          { lineId: "l1", stage: "raw_material", emissionCategory: "fossil", periodEmissions: "2501000", emissions: "250.1", share: "0.8159" },
          { lineId: "l2", stage: "production", emissionCategory: "fossil", periodEmissions: "484412.345678", emissions: "48.4412345678", share: "0.158" },
          { lineId: "l3", stage: "distribution", emissionCategory: "fossil", periodEmissions: "80000", emissions: "8", share: "0.0261" },
        ],
        hotspots: [],
        primaryShare: "0.973902",
        dataQuality: "1.79",
        factorsUsed: [],
        gwpSet: "AR6",
        ...calculation,
      },
    },
    value: "306.5412345678",
    benchmark: null,
    grade: 2,
    ratio: "0.99",
  } as CertificateSnapshot;
  return {
    id: FOOTPRINT_ID,
    precedingPfIds: [],
    certificate: {
      number: "CFP-CQ-2026-7K3M9Q",
      issuedOn: "2026-03-15",
      expiresOn: "2028-03-15",
      region: "500000",
      verificationBodyId: BODY_ID,
      createdAt: new Date("2026-03-15T02:30:00Z"),
      snapshot,
    },
    credentialJws: JWS,
    createdAt: new Date("2026-03-15T02:30:00Z"),
    baseUrl: BASE_URL,
    ...overrides,
  };
}
