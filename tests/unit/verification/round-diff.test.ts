import { describe, expect, it } from "vitest";
import { diffRounds, snapshotLines, type SnapshotLine } from "@/lib/rules/round-diff";

const line = (id: string, overrides: Partial<SnapshotLine> = {}): SnapshotLine => ({
  id,
  stage: "production",
  description: `line ${id}`,
  quantity: "100",
  unit: "MWh",
  factor: { id: "f1", factorKey: "cn.electricity.national.2024", version: 1, value: "0.5366", unit: "kWh" },
  ...overrides,
});

describe("diffRounds", () => {
  it("finds added, removed and edited lines and the changed fields", () => {
    const previous = { lines: [line("a"), line("b"), line("c")], result: "120.5" };
    const current = {
      lines: [
        line("a"),
        line("b", { quantity: "80", factor: { id: "f2", factorKey: "cn.electricity.national.2024", version: 2, value: "0.5", unit: "kWh" } }),
        line("d", { stage: "raw_material" }),
      ],
      result: "98.25",
    };
    const diff = diffRounds(previous, current);
    expect(diff.added.map((l) => l.id)).toEqual(["d"]);
    expect(diff.removed.map((l) => l.id)).toEqual(["c"]);
    expect(diff.edited).toHaveLength(1);
    expect(diff.edited[0].after.id).toBe("b");
    expect(diff.edited[0].fields).toEqual(["factor", "quantity"]);
    expect(diff.unchangedCount).toBe(1);
    expect(diff.result).toEqual({ before: "120.5", after: "98.25", changed: true });
  });

  it("ignores ordering and the body's verification marks, and equal decimals written differently", () => {
    const previous = { lines: [line("a", { position: 0, verification: "verified" })], result: "12.50" };
    const current = { lines: [line("a", { position: 3, verification: "unverified" })], result: "12.5" };
    const diff = diffRounds(previous, current);
    expect(diff.edited).toEqual([]);
    expect(diff.unchangedCount).toBe(1);
    expect(diff.result.changed).toBe(false);
  });

  it("compares nested values regardless of key order", () => {
    const previous = { lines: [line("a", { dqr: { technological: 1, temporal: 2 } })], result: null };
    const current = { lines: [line("a", { dqr: { temporal: 2, technological: 1 } })], result: null };
    expect(diffRounds(previous, current).edited).toEqual([]);
  });
});

describe("snapshotLines", () => {
  it("reads the lines of a stored snapshot and skips malformed entries", () => {
    const lines = snapshotLines({ lines: [line("a", { quantity: 5 as unknown as string }), { id: 3 }, null], result: "1" });
    expect(lines).toHaveLength(1);
    expect(lines[0].quantity).toBe("5");
    expect(snapshotLines(null)).toEqual([]);
    expect(snapshotLines({ lines: "x" })).toEqual([]);
  });
});
