import { describe, expect, it } from "vitest";
import { calculateFootprint, toGwpTable, type CalculationLine, type CalculationSuccess } from "@/lib/calc/calculate";
import { GWP_AR6 } from "@/lib/calc/gwp";
import { supplierChainShares, type SupplierFootprintKind } from "@/lib/calc/supplier-share";

function line(overrides: Partial<CalculationLine> & Pick<CalculationLine, "id">): CalculationLine {
  return {
    stage: "raw_material",
    description: overrides.id,
    quantity: "1",
    unit: "kg",
    source: "supplier_factor",
    dataType: "secondary",
    dqr: { technological: 3, geographical: 3, temporal: 3 },
    allocationShare: "1",
    emissionCategory: "fossil",
    ...overrides,
  };
}

/**
 * 100 kg cathode at 20 (certified) = 2000; 50 kg foil at 8 (verified PACT) = 400; 10 kg binder at 10
 * (self-declared) = 100; 500 kg of other material at 3 (a supplier factor typed in) = 1500; a
 * biogenic removal of −200 kept out of the headline. Headline 4000 over 10 units.
 */
function calculated(): CalculationSuccess {
  const outcome = calculateFootprint({
    boundary: "cradle_to_gate",
    productionVolume: "10",
    gwpSet: "AR6",
    gwp: toGwpTable(GWP_AR6),
    lines: [
      line({ id: "cathode", quantity: "100", supplierFactor: { value: "20", unit: "kg" }, dataType: "primary" }),
      line({ id: "foil", quantity: "50", supplierFactor: { value: "8", unit: "kg" } }),
      line({ id: "binder", quantity: "10", supplierFactor: { value: "10", unit: "kg" } }),
      line({ id: "other", quantity: "500", supplierFactor: { value: "3", unit: "kg" } }),
      line({ id: "wood", quantity: "100", supplierFactor: { value: "-2", unit: "kg" }, emissionCategory: "biogenic" }),
    ],
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.lineErrors));
  return outcome;
}

const KINDS = new Map<string, SupplierFootprintKind>([
  ["cathode", "certified"],
  ["foil", "imported_verified"],
  ["binder", "self_declared"],
]);

describe("supplierChainShares", () => {
  it("gives each supplier-footprint line its share of the headline and the verified share beside the primary-data share", () => {
    const calculation = calculated();
    expect(calculation.totalPeriod).toBe("4000");
    const shares = supplierChainShares(calculation.lines, KINDS);
    expect(shares.lines.map((entry) => [entry.lineId, entry.kind, entry.share, entry.emissions])).toEqual([
      ["binder", "self_declared", "0.025", "10"],
      ["cathode", "certified", "0.5", "200"],
      ["foil", "imported_verified", "0.1", "40"],
    ]);
    expect(shares.byKind).toEqual({ certified: "0.5", imported_verified: "0.1", self_declared: "0.025" });
    expect(shares.supplierShare).toBe("0.625");
    // Self-declared supplier data is not verified.
    expect(shares.verifiedSupplierShare).toBe("0.6");
    // Independent of the primary-data share (only the cathode line is primary data).
    expect(calculation.primaryShare).toBe("0.5");
  });

  it("gives a biogenic removal no part of the headline, and a line unknown to the calculation nothing", () => {
    const calculation = calculated();
    const shares = supplierChainShares(
      calculation.lines,
      new Map<string, SupplierFootprintKind>([
        ["wood", "certified"],
        ["added-since", "certified"],
      ]),
    );
    expect(shares.lines).toEqual([{ lineId: "wood", kind: "certified", share: "0", emissions: "-20" }]);
    expect(shares.verifiedSupplierShare).toBe("0");
  });

  it("is zero everywhere without supplier footprints", () => {
    const shares = supplierChainShares(calculated().lines, new Map());
    expect(shares).toEqual({ lines: [], byKind: { certified: "0", imported_verified: "0", self_declared: "0" }, supplierShare: "0", verifiedSupplierShare: "0" });
  });
});
