import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvDocument, escapeCsvCell } from "@/lib/http/csv";
import { dashboardFiltersSchema } from "@/lib/validation/schemas/regulator";

describe("the CSV writer (issue 11, defect 12)", () => {
  it("writes formula-leading cells as text", () => {
    for (const cell of ["=1+1", "+1+1", "-1+A1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://evil.example")\n'])
      expect(escapeCsvCell(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    for (const cell of ["-1.5", "-12", "1e-7", "plain", "中文", "", null, -3]) expect(escapeCsvCell(cell)).toBe(cell);
  });

  it("writes a BOM, CRLF lines, and cells that read back as the escaped text", () => {
    const csv = csvDocument(["name", "value"], [["=cmd|'/C calc'!A0", -1], ["\t=1", "ok"], ["a,b", null]]);
    expect(csv.startsWith("\uFEFFname,value\r\n")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: "\r\n" }).data;
    expect(parsed).toEqual([["name", "value"], ["'=cmd|'/C calc'!A0", "-1"], ["'\t=1", "ok"], ["a,b", ""]]);
  });

  it("drops a dashboard category filter that is no category id", () => {
    expect(dashboardFiltersSchema.parse({ category: '=HYPERLINK("x")' }).category).toBeUndefined();
    expect(dashboardFiltersSchema.parse({ category: "li_battery_power" }).category).toBe("li_battery_power");
  });
});
