import { UNIT_CODES } from "@/lib/calc/units";
import { SCENARIO_CHANGE_KINDS } from "@/lib/enums";
import { normalizeDecimalInput, z } from "@/lib/validation/zod";

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The largest quantity change a scenario states: from none at all (−100 %) to eleven times as much. */
const SCENARIO_PERCENT_RANGE = { min: -100, max: 1000 } as const;

export const createScenarioSchema = z.object({
  applicationId: z.uuid(),
  name: z.string().trim().min(1).max(80),
});
export type CreateScenarioInput = z.output<typeof createScenarioSchema>;

export const scenarioIdSchema = z.object({ scenarioId: z.uuid() });
export const scenarioChangeIdSchema = z.object({ changeId: z.uuid() });

/** An optional text field of the form: empty means not given. */
const optionalText = z.string().trim().max(40).optional().default("");
/** The same for a number: thousands separators and full-width digits made plain. */
const optionalNumber = optionalText.transform(normalizeDecimalInput);

/**
 * One what-if change to one line: the form and the action. Each kind names what it needs — a
 * factor, a percentage (not zero, −100 … 1000) or an allocation share in [0, 1].
 */
export const scenarioChangeSchema = z
  .object({
    scenarioId: z.uuid(),
    lineId: z.uuid({ message: "scenarios.validation.pickLine" }),
    kind: z.enum(SCENARIO_CHANGE_KINDS),
    factorId: optionalText,
    percent: optionalNumber,
    allocationShare: optionalNumber,
    supplierFactorValue: optionalNumber,
    supplierFactorUnit: optionalText,
    supplierName: z.string().trim().max(200).optional().default(""),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (value.kind === "replace_factor" && !z.uuid().safeParse(value.factorId).success) issue("factorId", "scenarios.validation.pickFactor");
    if (value.kind === "scale_quantity") {
      const percent = Number(value.percent);
      if (!DECIMAL.test(value.percent) || percent === 0 || percent < SCENARIO_PERCENT_RANGE.min || percent > SCENARIO_PERCENT_RANGE.max) {
        issue("percent", "scenarios.validation.percent");
      }
    }
    if (value.kind === "supplier_footprint") {
      if (!DECIMAL.test(value.supplierFactorValue) || Number(value.supplierFactorValue) < 0) issue("supplierFactorValue", "scenarios.validation.supplierValue");
      if (!(UNIT_CODES as readonly string[]).includes(value.supplierFactorUnit)) issue("supplierFactorUnit", "scenarios.validation.supplierUnit");
    }
    if (value.kind === "set_allocation") {
      const share = Number(value.allocationShare);
      if (!DECIMAL.test(value.allocationShare) || share < 0 || share > 1) issue("allocationShare", "scenarios.validation.allocationShare");
    }
  });
export type ScenarioChangeFields = z.output<typeof scenarioChangeSchema>;
