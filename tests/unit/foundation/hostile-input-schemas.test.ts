/**
 * Every input schema of lib/validation/schemas against generated hostile input (issue 11, defect 7):
 * parsing never throws, and whatever it accepts holds no NUL, no lone surrogate and no decimal
 * beyond the bounded precision — so nothing it passes on can become a database error. The API's
 * response shapes (`…Resource`) describe output and are not inputs.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { decimalText } from "@/lib/validation/schemas/products";
import { auditFiltersSchema, dashboardFiltersSchema, factorFieldsSchema, pilotTargetSchema } from "@/lib/validation/schemas/regulator";
import { holdsUnsafeText, hostileString, hostileValue } from "../../support/hostile-input";

const MODULES = import.meta.glob<Record<string, unknown>>("/lib/validation/schemas/*.ts", { eager: true });
const RUNS_PER_SCHEMA = 40;
const tally = { schemas: 0, inputs: 0 };

function inputSchemas(): Array<[string, z.ZodType]> {
  return Object.entries(MODULES).flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType && !entry[0].endsWith("Resource"))
      .map(([name, schema]): [string, z.ZodType] => [`${file.replace(/^.*\//, "")} ${name}`, schema]),
  );
}

/** An object with the schema's own fields (when it has any) filled with hostile values, or one hostile value. */
function hostileInputFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  if (shape.length === 0) return hostileValue;
  return fc.record(Object.fromEntries(shape.map((key) => [key, hostileValue])), { requiredKeys: [] });
}

/** Accepted decimal fields of a form stay within 15 integer and 12 fraction digits. */
function holdsHugeDecimal(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  return Object.values(value).some(
    (member) => typeof member === "string" && /^-?[\d.eE+-]+$/.test(member.trim()) && /^-?\d{16,}|\.\d{13,}/.test(member.trim()),
  );
}

afterAll(() => {
  console.info(`[hostile-input schemas] ${tally.inputs} generated inputs over ${tally.schemas} schemas: 0 exceptions, 0 unsafe values accepted`);
});

describe("every input schema, hostile input", () => {
  for (const [name, schema] of inputSchemas()) {
    it(name, () => {
      tally.schemas += 1;
      fc.assert(
        fc.property(hostileInputFor(schema), (input) => {
          tally.inputs += 1;
          const result = schema.safeParse(input);
          if (!result.success) return true;
          return !holdsUnsafeText(result.data) && !holdsHugeDecimal(result.data);
        }),
        { numRuns: RUNS_PER_SCHEMA, seed: 11 },
      );
    });
  }

  it("covers the schemas of every form (and so counts at least 2,000 inputs with the route probes)", () => {
    expect(inputSchemas().length).toBeGreaterThanOrEqual(40);
  });
});

describe("the inputs the issue found", () => {
  it("refuses NUL and lone surrogates with a field error", () => {
    for (const value of ["a\u0000b", "\uD800", "x\uDC00"]) {
      const result = pilotTargetSchema.safeParse({ title: value, metric: "certificates_issued", targetCount: 1, deadline: "2026-12-31" });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ["title"], message: "validation.unsafeText" });
    }
    expect(pilotTargetSchema.safeParse({ title: "碳标签 🌱", metric: "certificates_issued", targetCount: 1, deadline: "2026-12-31" }).success).toBe(true);
  });

  it("refuses impossible dates", () => {
    expect(pilotTargetSchema.safeParse({ title: "t", metric: "certificates_issued", targetCount: 1, deadline: "2026-02-30" }).success).toBe(false);
    expect(dashboardFiltersSchema.parse({ from: "2026-02-30", to: "2026-02-28" })).toEqual({ to: "2026-02-28" });
    expect(auditFiltersSchema.parse({ from: "2026-13-01" }).from).toBeUndefined();
  });

  it("bounds decimals", () => {
    expect(decimalText.safeParse("123456789012345.123456789012").success).toBe(true);
    expect(decimalText.safeParse("1234567890123456").error?.issues[0].message).toMatch(/^validation\.decimalBounds/);
    expect(decimalText.safeParse("1.1234567890123").success).toBe(false);
    const factor = { factorKey: "abc", nameZh: "x", nameEn: "x", category: "x", unit: "kg", region: "CN", year: 2024, source: "s", gwpBasis: "AR6", emissionCategory: "fossil" };
    expect(factorFieldsSchema.safeParse({ ...factor, value: "1e999999" }).success).toBe(false);
    expect(factorFieldsSchema.safeParse({ ...factor, value: "1.5e-7" }).success).toBe(true);
  });

  it("keeps a hostile string from ever throwing in the shared text schema", () => {
    fc.assert(fc.property(hostileString, (value) => typeof pilotTargetSchema.shape.title.safeParse(value).success === "boolean"), { numRuns: 200 });
  });
});
