import { describe, expect, it } from "vitest";
import { buildCertificateCredential, statusBits } from "@/lib/credentials/certificate-credential";
import { BASE_URL, BODY_ID, credentialSource } from "./fixtures";

describe("the certificate credential (VC Data Model 2.0)", () => {
  const credential = buildCertificateCredential(credentialSource(), { baseUrl: BASE_URL, statusListIndex: 77 });

  it("names the body as issuer under the platform and points both status entries at the same position", () => {
    expect(credential["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2"]);
    expect(credential.type).toEqual(["VerifiableCredential", "ProductCarbonFootprintCertificate"]);
    expect(credential.id).toBe(`${BASE_URL}/api/labels/CFP-CQ-2026-7K3M9Q/credential`);
    expect(credential.issuer).toEqual({ id: `${BASE_URL}/issuers/${BODY_ID}`, name: "中环联合（重庆）认证中心", nameEn: "CEC Chongqing", accreditationNo: "CNCA-R-2026-001" });
    expect(credential.validFrom).toBe("2026-03-15T00:00:00+08:00");
    expect(credential.validUntil).toBe("2028-03-15T23:59:59+08:00");
    expect(credential.credentialStatus.map((entry) => [entry.statusPurpose, entry.statusListIndex, entry.statusListCredential])).toEqual([
      ["revocation", "77", `${BASE_URL}/issuers/${BODY_ID}/status/revocation`],
      ["suspension", "77", `${BASE_URL}/issuers/${BODY_ID}/status/suspension`],
    ]);
  });

  it("states the certified footprint with exact decimals, stages in life-cycle order", () => {
    expect(credential.credentialSubject).toMatchObject({
      id: `${BASE_URL}/labels/CFP-CQ-2026-7K3M9Q`,
      certificateNumber: "CFP-CQ-2026-7K3M9Q",
      product: { name: "教育笔记本电脑", nameEn: "Education laptop", model: "YX-13E", category: { id: "laptop" } },
      enterprise: { unifiedSocialCreditCode: "91500000MA5U7XXXXX" },
      declaredUnit: { amount: "1", unit: "piece" },
      carbonFootprint: { value: "306.5412345678", unit: "kg CO2e" },
      emissionsByOrigin: { fossil: "306.5412345678", biogenic: "0", landUseChange: "0", biogenicRemovals: "-1.25" },
      systemBoundary: "cradle_to_gate",
      referencePeriod: { start: "2025-01-01", end: "2025-12-31" },
      standard: "GB/T 24067-2024",
      certificationScheme: "CNCA-CFP-00:2025",
      grade: 2,
      benchmark: { version: 3, value: "307", declaredUnit: "piece", effectiveFrom: "2026-01-01" },
      validity: { issuedOn: "2026-03-15", expiresOn: "2028-03-15" },
      certificateSnapshotSha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      verifiedInventorySha256: "a".repeat(64),
    });
    expect(credential.credentialSubject.stageBreakdown).toEqual([
      { stage: "raw_material", value: "250.1" },
      { stage: "production", value: "48.4412345678" },
      { stage: "distribution", value: "8" },
    ]);
  });

  it("is the same credential every time it is built (issuance and the backfill agree)", () => {
    expect(JSON.stringify(buildCertificateCredential(credentialSource(), { baseUrl: BASE_URL, statusListIndex: 77 }))).toBe(JSON.stringify(credential));
  });

  it("maps each certificate status to its bits: withdrawal and recorded expiry revoke, suspension suspends", () => {
    expect(statusBits("valid")).toEqual({ revocation: false, suspension: false });
    expect(statusBits("suspended")).toEqual({ revocation: false, suspension: true });
    expect(statusBits("withdrawn")).toEqual({ revocation: true, suspension: false });
    expect(statusBits("expired")).toEqual({ revocation: true, suspension: false });
  });
});
