import { describe, expect, it } from "vitest";
import {
  CERTIFICATE_NUMBER_ALPHABET,
  generateCertificateNumber,
  isCertificateNumberFormat,
  normalizeCertificateNumber,
} from "@/lib/certificates/number";

describe("generateCertificateNumber", () => {
  it("formats region, year and a random suffix", () => {
    const number = generateCertificateNumber("CQ", 2026);
    expect(number).toMatch(/^CFP-CQ-2026-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$/);
    expect(isCertificateNumberFormat(number)).toBe(true);
  });

  it("draws each character from the injected random source", () => {
    const draws = [7, 0, 29, 12, 3, 18];
    const maxes: number[] = [];
    const number = generateCertificateNumber("CQ", 2026, (max) => {
      maxes.push(max);
      return draws[maxes.length - 1];
    });
    expect(number).toBe("CFP-CQ-2026-92ZE5M");
    expect(maxes).toEqual(Array(6).fill(30));
  });

  it("avoids look-alike characters", () => {
    expect(CERTIFICATE_NUMBER_ALPHABET).toHaveLength(30);
    expect(CERTIFICATE_NUMBER_ALPHABET).not.toMatch(/[01OILU]/);
    expect(new Set(CERTIFICATE_NUMBER_ALPHABET).size).toBe(30);
  });

  it("is practically unique and uses the whole alphabet over 10,000 draws", () => {
    const numbers = Array.from({ length: 10_000 }, () => generateCertificateNumber("CQ", 2026));
    // 30^6 ≈ 7.3e8 suffixes: the expected number of collisions among 10,000 draws is about 0.07,
    // so a few are tolerated here; the database's unique index makes the issuer draw again.
    expect(new Set(numbers).size).toBeGreaterThanOrEqual(9_995);
    const used = new Set(numbers.flatMap((n) => [...n.slice(-6)]));
    expect([...used].sort().join("")).toBe(CERTIFICATE_NUMBER_ALPHABET);
  });

  it("is not sequential", () => {
    const [a, b] = [generateCertificateNumber("CQ", 2026), generateCertificateNumber("CQ", 2026)];
    expect(a).not.toBe(b);
  });

  it("rejects a malformed region or year", () => {
    expect(() => generateCertificateNumber("cq", 2026)).toThrow(RangeError);
    expect(() => generateCertificateNumber("CHQ", 2026)).toThrow(RangeError);
    expect(() => generateCertificateNumber("CQ", 26)).toThrow(RangeError);
  });
});

describe("isCertificateNumberFormat", () => {
  it.each([
    ["CFP-CQ-2026-7K3M9Q", true],
    ["CFP-CQ-2026-7K3M9", false],
    ["CFP-CQ-2026-7K3M9QQ", false],
    ["CFP-CQ-2026-7K3M0Q", false],
    ["CFP-CQ-2026-7K3MIQ", false],
    ["cfp-cq-2026-7k3m9q", false],
    [" CFP-CQ-2026-7K3M9Q", false],
    ["CFP-CQ-26-7K3M9Q", false],
    ["CFP-CQ-2026-7K3M9Q' OR 1=1", false],
    ["", false],
  ])("%j → %s", (input, expected) => {
    expect(isCertificateNumberFormat(input)).toBe(expected);
  });
});

describe("normalizeCertificateNumber", () => {
  it("trims and upper-cases", () => {
    expect(normalizeCertificateNumber("  cfp-cq-2026-7k3m9q\n")).toBe("CFP-CQ-2026-7K3M9Q");
    expect(isCertificateNumberFormat(normalizeCertificateNumber(" cfp-cq-2026-7k3m9q "))).toBe(true);
  });
});
