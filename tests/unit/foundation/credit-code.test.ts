import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, withCreditCodeCheck } from "@/lib/validation/credit-code";

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

  it("tells a wrong check character from a wrong format", () => {
    expect(creditCodeProblem("91350100M000100Y43")).toBeNull();
    expect(creditCodeProblem("91350100M000100Y44")).toBe("check");
    expect(creditCodeProblem("91350100M000100Y4")).toBe("format");
    expect(creditCodeProblem("")).toBe("format");
    // Places 3–8 are the division code: digits only.
    expect(creditCodeProblem(withCreditCodeCheck("9135A100M000100Y4"))).toBe("format");
  });

  it.each(["I", "O", "S", "V", "Z"])("treats %s (outside the GB 32100-2015 set) as a wrong format, not a check failure", (letter) => {
    expect(creditCodeProblem(`91350100M000100${letter}43`)).toBe("format");
    expect(creditCodeProblem(`91350100M000100Y4${letter}`)).toBe("format");
  });

  it("uses the 31 characters of GB 32100-2015 as check characters", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000 && seen.size < 31; i++) {
      seen.add(creditCodeCheckCharacter(`91500106MA${i.toString().padStart(7, "0")}`));
    }
    expect([...seen].sort().join("")).toBe("0123456789ABCDEFGHJKLMNPQRTUWXY");
  });
});
