import { describe, expect, it } from "vitest";
import { calculateFootprint, type CalculationLine, type CalculationInput } from "@/lib/calc/calculate";
import { productLock, missingItems, plausibilityWarning, workflowSteps } from "@/lib/rules/application";
import { isInventoryEditable } from "@/lib/policy";
import type { ApplicationStatus, CertificateStatus } from "@/lib/enums";

const electricity: CalculationLine = {
  id: "line-electricity",
  stage: "production",
  description: "Plant electricity",
  quantity: "250",
  unit: "MWh",
  source: "database_factor",
  factor: { id: "f1", factorKey: "cn.electricity.national.2024", version: 1, value: "0.5777", unit: "kWh", emissionCategory: "fossil", source: "MEE" },
  dataType: "primary",
  dqr: { technological: 1, geographical: 1, temporal: 1 },
  allocationShare: "0.4",
  emissionCategory: "fossil",
};

const input = (lines: CalculationLine[]): CalculationInput => ({
  boundary: "cradle_to_gate",
  productionVolume: "10000",
  gwpSet: "AR6",
  gwp: { "HFC-134a": { value: "1530", emissionCategory: "fossil" } },
  lines,
});

describe("inventory freeze rules", () => {
  it("allows editing only in draft, changes_requested and declined", () => {
    expect(["draft", "changes_requested", "declined"].every((s) => isInventoryEditable(s as never))).toBe(true);
    for (const status of ["submitted", "accepted", "in_review", "awaiting_decision", "certified", "rejected"] as const) {
      expect(isInventoryEditable(status)).toBe(false);
    }
  });

  const today = "2026-06-01";
  const app = (status: ApplicationStatus, previousCertificateId: string | null = null) => ({ status, previousCertificateId });
  const cert = (id: string, status: CertificateStatus, expiresOn = "2029-01-01") => ({ id, status, expiresOn });

  it("freezes the product while any application is with a body", () => {
    expect(productLock({ applications: [], certificates: [], today })).toBeNull();
    expect(productLock({ applications: ["draft", "declined", "certified", "rejected"].map((s) => app(s as ApplicationStatus)), certificates: [], today })).toBeNull();
    for (const status of ["submitted", "accepted", "in_review", "awaiting_decision"] as const) {
      expect(productLock({ applications: [app("draft"), app(status)], certificates: [], today })).toBe("withBody");
    }
  });

  it("locks a product with a certificate in force, valid or suspended", () => {
    expect(productLock({ applications: [app("certified")], certificates: [cert("c1", "valid")], today })).toBe("certified");
    expect(productLock({ applications: [app("certified")], certificates: [cert("c1", "suspended")], today })).toBe("certified");
  });

  it("frees it once every certificate is withdrawn or past its expiry (even before the expiry job ran)", () => {
    expect(productLock({ applications: [app("certified")], certificates: [cert("c1", "withdrawn"), cert("c2", "expired")], today })).toBeNull();
    expect(productLock({ applications: [app("certified")], certificates: [cert("c1", "valid", "2026-05-31")], today })).toBeNull();
    expect(productLock({ applications: [app("certified")], certificates: [cert("c1", "valid", today)], today })).toBe("certified");
  });

  it("lets a renewal back with the enterprise change the fields, not one with the body or of another certificate", () => {
    for (const status of ["draft", "changes_requested", "declined"] as const) {
      expect(productLock({ applications: [app("certified"), app(status, "c1")], certificates: [cert("c1", "valid")], today })).toBeNull();
    }
    expect(productLock({ applications: [app("certified"), app("submitted", "c1")], certificates: [cert("c1", "valid")], today })).toBe("withBody");
    expect(productLock({ applications: [app("certified"), app("draft", "c0")], certificates: [cert("c1", "valid")], today })).toBe("certified");
    // Renewed and certified: the new certificate is in force with no renewal of its own.
    expect(productLock({ applications: [app("certified"), app("certified", "c1")], certificates: [cert("c1", "valid"), cert("c2", "valid")], today })).toBe("certified");
  });
});

describe("missingItems", () => {
  it("lists an empty inventory as one missing item", () => {
    expect(missingItems(calculateFootprint(input([])), [], "cradle_to_gate")).toEqual([{ kind: "noLines" }]);
  });

  it("names each required stage without a line and each line without a factor", () => {
    const noFactor: CalculationLine = { ...electricity, id: "line-steel", stage: "production", description: "Steel", factor: null };
    const lines = [electricity, noFactor];
    const items = missingItems(calculateFootprint(input(lines)), lines, "cradle_to_gate");
    expect(items).toEqual([
      { kind: "stage", stage: "raw_material" },
      { kind: "line", lineId: "line-steel", description: "Steel", reason: "missing_factor", detail: "no database factor" },
    ]);
  });

  it("names a line whose unit cannot convert into its factor's unit", () => {
    const wrongUnit: CalculationLine = { ...electricity, id: "line-kg", stage: "raw_material", description: "Copper", unit: "kg" };
    const lines = [electricity, wrongUnit];
    const [item] = missingItems(calculateFootprint(input(lines)), lines, "cradle_to_gate");
    expect(item).toMatchObject({ kind: "line", lineId: "line-kg", reason: "unit_mismatch", description: "Copper" });
  });

  it("is empty for a complete inventory", () => {
    const gas: CalculationLine = { ...electricity, id: "line-gas", stage: "raw_material", source: "direct_gas", factor: null, gas: "HFC-134a", unit: "kg", quantity: "2", allocationShare: "1" };
    const lines = [electricity, gas];
    const result = calculateFootprint(input(lines));
    expect(result.ok).toBe(true);
    expect(missingItems(result, lines, "cradle_to_gate")).toEqual([]);
  });

  it("calculates an inventory with an empty required stage and still names the stage", () => {
    const lines = [electricity];
    const result = calculateFootprint(input(lines));
    expect(result.ok).toBe(true);
    expect(missingItems(result, lines, "cradle_to_gate")).toEqual([{ kind: "stage", stage: "raw_material" }]);
  });

  it("does not count a zero-quantity placeholder as data for its stage", () => {
    const placeholder: CalculationLine = { ...electricity, id: "line-zero", stage: "raw_material", description: "Steel (to do)", quantity: "0.000" };
    const lines = [electricity, placeholder];
    expect(missingItems(calculateFootprint(input(lines)), lines, "cradle_to_gate")).toEqual([{ kind: "stage", stage: "raw_material" }]);
  });
});

describe("workflowSteps", () => {
  it("marks registration done and the first open step as current", () => {
    const steps = workflowSteps({ status: "draft", lineCount: 0, dataComplete: false, calculationFresh: false });
    expect(steps.map((step) => step.state)).toEqual(["done", "current", "todo", "todo"]);
  });

  it("asks for a calculation once the data are complete", () => {
    const steps = workflowSteps({ status: "draft", lineCount: 3, dataComplete: true, calculationFresh: false });
    expect(steps.map((step) => step.state)).toEqual(["done", "done", "current", "todo"]);
  });

  it("shows every step done once submitted", () => {
    const steps = workflowSteps({ status: "in_review", lineCount: 3, dataComplete: true, calculationFresh: true });
    expect(steps.every((step) => step.state === "done")).toBe(true);
  });
});

describe("plausibilityWarning", () => {
  const band = { min: "62", max: "937" };
  it("warns below and above the band, not inside it or without one", () => {
    expect(plausibilityWarning("5.777", band)).toBe("low");
    expect(plausibilityWarning("1200", band)).toBe("high");
    expect(plausibilityWarning("307", band)).toBeNull();
    expect(plausibilityWarning("5", { min: null, max: null })).toBeNull();
  });
});
