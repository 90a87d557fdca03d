import { describe, expect, it } from "vitest";
import { buildProductFootprint, withStatus, type ProductFootprint } from "@/lib/pact/footprint";
import { credentialExtensionProblems, productFootprintProblems } from "@/lib/pact/validate";
import { BASE_URL, BODY_ID, FOOTPRINT_ID, footprintSource, JWS, PRODUCT_ID } from "./fixtures";

function built(source = footprintSource()): ProductFootprint {
  const result = buildProductFootprint(source);
  if (!result.ok) throw new Error(`no footprint: ${result.gap}`);
  return result.footprint;
}

describe("a certificate as a PACT v3 ProductFootprint", () => {
  const footprint = built();

  it("conforms to the PACT 3.0 ProductFootprint schema, and its credential extension to the extension's schema", () => {
    expect(productFootprintProblems(footprint)).toEqual([]);
    expect(footprint.extensions).toHaveLength(1);
    expect(credentialExtensionProblems(footprint.extensions[0].data)).toEqual([]);
  });

  it("identifies the footprint, the data owner by its unified social credit code and the product by URNs", () => {
    expect(footprint).toMatchObject({
      id: FOOTPRINT_ID,
      specVersion: "3.0.3",
      created: "2026-03-15T02:30:00.000Z",
      status: "Active",
      companyName: "Chongqing Yuxin Electronics (重庆渝新电子有限公司)",
      companyIds: ["urn:pact:cods.org.cn:uscc:91500000MA5U7XXXXX"],
      productIds: [`urn:pact:carbonlabel.example.cn:product-id:${PRODUCT_ID}`, "urn:pact:carbonlabel.example.cn:supplier-id:91500000MA5U7XXXXX:YX-13E"],
      productClassifications: [
        "urn:pact:wcoomd.org:hs-code:847130",
        "urn:pact:customs.gov.cn:cn-tariff-code:84713000",
        "urn:pact:carbonlabel.example.cn:category-id:laptop",
      ],
      productNameCompany: "Education laptop",
    });
    expect(footprint).not.toHaveProperty("precedingPfIds");
  });

  it("states the certified figures as decimal strings, per PACT's declared unit", () => {
    expect(footprint.pcf).toMatchObject({
      declaredUnitOfMeasurement: "piece",
      declaredUnitAmount: "1",
      productMassPerDeclaredUnit: "1.45",
      // Midnight in Chongqing, written in UTC.
      referencePeriodStart: "2024-12-31T16:00:00.000Z",
      referencePeriodEnd: "2025-12-31T16:00:00.000Z",
      geographyCountrySubdivision: "CN-CQ",
      pcfExcludingBiogenicUptake: "306.5412345678",
      pcfIncludingBiogenicUptake: "305.2912345678",
      fossilGhgEmissions: "306.5412345678",
      fossilCarbonContent: "0.31",
      biogenicCarbonContent: "0.02",
      landUseChangeGhgEmissions: "0",
      biogenicCO2Uptake: "-1.25",
      ipccCharacterizationFactors: ["AR6"],
      crossSectoralStandards: ["ISO14067"],
      productOrSectorSpecificRules: [{ operator: "Other", otherOperatorName: "Standardization Administration of China (SAC)", ruleNames: ["GB/T 24067-2024"] }],
      exemptedEmissionsPercent: "0",
      primaryDataShare: "97.39",
      // Weighted by each line's absolute emissions, like the certificate's overall DQR.
      dqi: { technologicalDQR: "1.89", geographicalDQR: "1.05", temporalDQR: "1.10" },
      secondaryEmissionFactorSources: [
        { name: "CPCD", version: "cpcd.transport.truck v1" },
        { name: "MEE 2024 national grid factor", version: "cn.electricity.national.2024 v2" },
      ],
    });
    expect(footprint.pcf).not.toHaveProperty("geographyCountry");
    expect(footprint.pcf.boundaryProcessesDescription).toBe(
      "Cradle-to-gate. Life-cycle stages included, per declared unit: raw material acquisition 250.1 kgCO2e; production 48.44 kgCO2e; distribution 8 kgCO2e.",
    );
  });

  it("takes its validity from the certificate, and names the verification body, the date and the scheme", () => {
    // From the first instant of the day of issue to the end of the expiry day, Asia/Shanghai.
    expect(footprint.validityPeriodStart).toBe("2026-03-14T16:00:00.000Z");
    expect(footprint.validityPeriodEnd).toBe("2028-03-15T16:00:00.000Z");
    expect(footprint.pcf.verification).toMatchObject({
      coverage: "product level",
      providerName: "CEC Chongqing (中环联合（重庆）认证中心)",
      completedAt: "2026-03-15T02:30:00.000Z",
      standardName: "CNCA-CFP-00:2025",
    });
    expect(footprint.pcf.verification.comments).toContain("CNCA-R-2026-001");
  });

  it("carries the signed credential as a Data Model Extension with its published schema and documentation", () => {
    expect(footprint.extensions[0]).toEqual({
      specVersion: "2.0.0",
      dataSchema: `${BASE_URL}/pact/extensions/certificate-credential/1.0.0/schema.json`,
      documentation: `${BASE_URL}/pact/extensions/certificate-credential/1.0.0`,
      data: {
        certificateNumber: "CFP-CQ-2026-7K3M9Q",
        credential: { "@context": ["https://www.w3.org/ns/credentials/v2"], id: `data:application/vc+jwt,${JWS}`, type: "EnvelopedVerifiableCredential" },
        credentialUrl: `${BASE_URL}/api/labels/CFP-CQ-2026-7K3M9Q/credential`,
        labelUrl: `${BASE_URL}/labels/CFP-CQ-2026-7K3M9Q`,
        jwksUrl: `${BASE_URL}/issuers/${BODY_ID}/jwks.json`,
        verifyUrl: `${BASE_URL}/verify`,
      },
    });
  });

  it("is the same document every time it is built, and only its status changes when served", () => {
    expect(JSON.stringify(built())).toBe(JSON.stringify(footprint));
    const deprecated = withStatus(footprint, "Deprecated");
    expect({ ...deprecated, status: "Active" }).toEqual(footprint);
    expect(productFootprintProblems(deprecated)).toEqual([]);
  });

  it("names its predecessors in precedingPfIds", () => {
    const renewal = built(footprintSource({ precedingPfIds: ["11111111-1111-4111-8111-111111111111"] }));
    expect(renewal.precedingPfIds).toEqual(["11111111-1111-4111-8111-111111111111"]);
    expect(productFootprintProblems(renewal)).toEqual([]);
  });

  it("indexes lower-cased identifiers and every geography containing the subdivision", () => {
    const result = buildProductFootprint(footprintSource());
    expect(result.ok && result.index).toMatchObject({
      companyIds: ["urn:pact:cods.org.cn:uscc:91500000ma5u7xxxxx"],
      geographies: ["cn-cq", "cn", "eastern asia", "asia"],
      validityStart: new Date("2026-03-14T16:00:00Z"),
      validityEnd: new Date("2028-03-15T16:00:00Z"),
    });
  });
});

describe("declared units and product facts in PACT's terms", () => {
  it("converts a mass declared unit to kilograms and derives its mass", () => {
    const footprint = built(footprintSource({ product: { declaredUnitAmount: "1", declaredUnit: "t", massPerDeclaredUnit: null } }));
    expect(footprint.pcf).toMatchObject({ declaredUnitOfMeasurement: "kilogram", declaredUnitAmount: "1000", productMassPerDeclaredUnit: "1000" });
  });

  it("gives an energy declared unit (a battery per kWh) a product mass of 0, as PACT requires", () => {
    const footprint = built(footprintSource({ product: { declaredUnitAmount: "1", declaredUnit: "MWh", massPerDeclaredUnit: undefined } }));
    expect(footprint.pcf).toMatchObject({ declaredUnitOfMeasurement: "kilowatt hour", declaredUnitAmount: "1000", productMassPerDeclaredUnit: "0" });
  });

  it("publishes nothing PACT cannot describe, and says what is missing", () => {
    const gap = (source: ReturnType<typeof footprintSource>) => {
      const result = buildProductFootprint(source);
      return result.ok ? null : result.gap;
    };
    expect(gap(footprintSource({ product: { declaredUnit: "kW" } }))).toBe("declaredUnit");
    expect(gap(footprintSource({ product: { massPerDeclaredUnit: null } }))).toBe("productMass");
    expect(gap(footprintSource({ product: { fossilCarbonContent: undefined } }))).toBe("fossilCarbonContent");
    expect(gap(footprintSource({ creditCode: null }))).toBe("creditCode");
    expect(gap(footprintSource({ certificate: { ...footprintSource().certificate, region: "990000" } }))).toBe("region");
    expect(gap(footprintSource({ calculation: { byCategory: { fossil: "-3", biogenic: "0", land_use_change: "0" } } }))).toBe("negativeEmissions");
    // Reference period ending in 2020: three years later is before the certificate was issued.
    expect(gap(footprintSource({ product: { periodStart: "2019-01-01", periodEnd: "2019-12-31" } }))).toBe("validityPeriod");
  });

  it("keeps the validity period within three years of the end of the reference period", () => {
    const footprint = built(footprintSource({ product: { periodStart: "2023-01-01", periodEnd: "2023-12-31" } }));
    expect(footprint.validityPeriodEnd).toBe("2026-12-31T16:00:00.000Z");
  });
});

describe("the ProductFootprint schema", () => {
  const footprint = built();
  const withPcf = (pcf: Record<string, unknown>) => ({ ...footprint, pcf: { ...footprint.pcf, ...pcf } });

  it("refuses numbers where PACT wants decimal strings, and exponents", () => {
    expect(productFootprintProblems(withPcf({ pcfExcludingBiogenicUptake: 306.5 }))).not.toEqual([]);
    expect(productFootprintProblems(withPcf({ pcfExcludingBiogenicUptake: "3.065e2" }))).not.toEqual([]);
  });

  it("refuses a negative fossil emission, a positive biogenic uptake, a DQR outside 1–5 and an unknown unit", () => {
    expect(productFootprintProblems(withPcf({ fossilGhgEmissions: "-1" }))).not.toEqual([]);
    expect(productFootprintProblems(withPcf({ biogenicCO2Uptake: "1.25" }))).not.toEqual([]);
    expect(productFootprintProblems(withPcf({ dqi: { technologicalDQR: "5.5", geographicalDQR: "1", temporalDQR: "1" } }))).not.toEqual([]);
    expect(productFootprintProblems(withPcf({ declaredUnitOfMeasurement: "kilowatt" }))).not.toEqual([]);
  });

  it("refuses two levels of geography at once, a missing required property and a non-URN identifier", () => {
    expect(productFootprintProblems(withPcf({ geographyCountry: "CN" }))).not.toEqual([]);
    expect(productFootprintProblems({ ...footprint, companyIds: undefined })).not.toEqual([]);
    expect(productFootprintProblems({ ...footprint, productIds: ["YX-13E"] })).not.toEqual([]);
    expect(productFootprintProblems({ ...footprint, status: "Withdrawn" })).not.toEqual([]);
  });
});
