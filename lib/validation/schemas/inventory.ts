import { DATA_TYPES, EMISSION_CATEGORIES, LIFE_CYCLE_STAGES, LINE_SOURCES } from "@/lib/enums";
import { convertQuantity, UNIT_CODES } from "@/lib/calc/units";
import { decimalText } from "@/lib/validation/schemas/products";
import { messageKey } from "@/lib/i18n/translate";
import { decimalErrorMessage, normalizeDecimalInput, z, textInput } from "@/lib/validation/zod";

const unit = z.enum(UNIT_CODES as [string, ...string[]]);
const rating = z.number().int().min(1).max(5);
const optionalText = (max: number) => textInput().trim().max(max).optional();

const inventoryLineFields = {
  stage: z.enum(LIFE_CYCLE_STAGES),
  description: textInput().trim().min(1).max(500),
  quantity: decimalText,
  unit,
  source: z.enum(LINE_SOURCES),
  factorId: textInput().optional(),
  supplierFactorValue: textInput().trim().transform(normalizeDecimalInput).optional(),
  supplierFactorUnit: textInput().optional(),
  supplierName: optionalText(200),
  gas: textInput().optional(),
  dataType: z.enum(DATA_TYPES),
  dqrTechnological: rating,
  dqrGeographical: rating,
  dqrTemporal: rating,
  allocationShare: decimalText.refine((value) => Number(value) >= 0 && Number(value) <= 1, {
    message: "inventory.validation.allocation",
  }),
  emissionCategory: z.enum(EMISSION_CATEGORIES),
};

const inventoryLineFieldsSchema = z.object(inventoryLineFields);
/** A line's own fields, as parsed. */
export type InventoryLineFields = z.output<typeof inventoryLineFieldsSchema>;

type SourceFields = {
  source: (typeof LINE_SOURCES)[number];
  unit: string;
  factorId?: string;
  supplierFactorValue?: string;
  supplierFactorUnit?: string;
  supplierName?: string;
  gas?: string;
};

/** Each source needs its own fields: a picked factor, the supplier's factor, or a gas. */
function sourceFieldsPresent(value: SourceFields, ctx: z.RefinementCtx) {
  const require = (path: keyof SourceFields, message = "validation.required") =>
    ctx.addIssue({ code: "custom", path: [path], message });
  if (value.source === "database_factor") {
    if (!value.factorId || !z.uuid().safeParse(value.factorId).success) require("factorId", "inventory.validation.pickFactor");
  } else if (value.source === "supplier_factor") {
    if (!value.supplierFactorValue) require("supplierFactorValue");
    else if (!decimalText.safeParse(value.supplierFactorValue).success) require("supplierFactorValue", decimalErrorMessage(value.supplierFactorValue));
    if (!value.supplierFactorUnit || !unit.safeParse(value.supplierFactorUnit).success) require("supplierFactorUnit");
    if (!value.supplierName) require("supplierName");
    else if (value.supplierFactorUnit) requireConvertible(value.unit, value.supplierFactorUnit, ctx);
  } else if (!value.gas) {
    require("gas");
  } else {
    requireConvertible(value.unit, "kg", ctx);
  }
}

/**
 * The quantity's unit must convert into the unit the factor is per (a
 * database factor's is checked by the operation); an unknown unit has an
 * error of its own.
 */
export function unitConversionError(unit: string, factorUnit: string): string | null {
  const conversion = convertQuantity("1", unit, factorUnit);
  return !conversion.ok && conversion.reason === "dimension_mismatch"
    ? messageKey("inventory.validation.unitNotConvertible", { unit, factorUnit })
    : null;
}

function requireConvertible(unit: string, factorUnit: string, ctx: z.RefinementCtx) {
  const message = unitConversionError(unit, factorUnit);
  if (message) ctx.addIssue({ code: "custom", path: ["unit"], message });
}

export const inventoryLineSchema = inventoryLineFieldsSchema.extend({ applicationId: z.uuid() }).superRefine(sourceFieldsPresent);

/** The same line as an API request body: the application comes from the path. */
export const inventoryLineBodySchema = inventoryLineFieldsSchema.superRefine(sourceFieldsPresent);
export type InventoryLineInput = z.input<typeof inventoryLineSchema>;

export const updateInventoryLineSchema = inventoryLineFieldsSchema
  .extend({ applicationId: z.uuid(), lineId: z.uuid() })
  .superRefine(sourceFieldsPresent);

export const deleteInventoryLineSchema = z.object({ applicationId: z.uuid(), lineId: z.uuid() });

export const factorSearchSchema = z.object({
  q: textInput().trim().max(100).optional(),
  category: textInput().trim().max(50).optional(),
  region: textInput().trim().max(20).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type FactorSearch = z.output<typeof factorSearchSchema>;
