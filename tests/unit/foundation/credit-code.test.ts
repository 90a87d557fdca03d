import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter, isValidCreditCode, withCreditCodeCheck } from "@/lib/validation/credit-code";

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts published codes with a correct check character", () => {
    // Codes printed on public business licences.
    expect(isValidCreditCode("91350100M000100Y43")).toBe(true);
    expect(isValidCreditCode("91110000600037341L")).toBe(true);
  });

  it("computes the check character from the first 17 characters", () => {
    expect(creditCodeCheckCharacter("91350100M000100Y4")).toBe("3");
    expect(withCreditCodeCheck("91110000600037341")).toBe("91110000600037341L");
  });

  it("rejects a wrong check character", () => {
    expect(isValidCreditCode("91350100M000100Y44")).toBe(false);
  });

  it("rejects wrong length and characters outside the code set", () => {
    expect(isValidCreditCode("91350100M000100Y4")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y433")).toBe(false);
    // I, O, S, V, Z are not used.
    expect(isValidCreditCode("9135010OM000100Y43")).toBe(false);
  });

  it("ignores case and surrounding spaces", () => {
    expect(isValidCreditCode(" 91110000600037341l ")).toBe(true);
  });
});
