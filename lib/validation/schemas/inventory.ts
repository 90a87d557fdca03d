import { dataType, emissionCategory, lifeCycleStage, lineSource } from "@/db/schema";
import { UNIT_CODES } from "@/lib/calc/units";
import { decimalText } from "@/lib/validation/schemas/products";
import { z } from "@/lib/validation/zod";

const unit = z.enum(UNIT_CODES as [string, ...string[]]);
const rating = z.number().int().min(1).max(5);
const optionalText = (max: number) => z.string().trim().max(max).optional();

const inventoryLineFields = {
  stage: z.enum(lifeCycleStage.enumValues),
  description: z.string().trim().min(1).max(500),
  quantity: decimalText,
  unit,
  source: z.enum(lineSource.enumValues),
  factorId: z.string().optional(),
  supplierFactorValue: z.string().trim().optional(),
  supplierFactorUnit: z.string().optional(),
  supplierName: optionalText(200),
  gas: z.string().optional(),
  dataType: z.enum(dataType.enumValues),
  dqrTechnological: rating,
  dqrGeographical: rating,
  dqrTemporal: rating,
  allocationShare: decimalText.refine((value) => Number(value) >= 0 && Number(value) <= 1, {
    message: "inventory.validation.allocation",
  }),
  emissionCategory: z.enum(emissionCategory.enumValues),
};

const inventoryLineFieldsSchema = z.object(inventoryLineFields);
/** A line's own fields, as parsed. */
export type InventoryLineFields = z.output<typeof inventoryLineFieldsSchema>;

type SourceFields = {
  source: (typeof lineSource.enumValues)[number];
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
    else if (!decimalText.safeParse(value.supplierFactorValue).success) require("supplierFactorValue", "validation.number");
    if (!value.supplierFactorUnit || !unit.safeParse(value.supplierFactorUnit).success) require("supplierFactorUnit");
    if (!value.supplierName) require("supplierName");
  } else if (!value.gas) {
    require("gas");
  }
}

export const inventoryLineSchema = inventoryLineFieldsSchema.extend({ applicationId: z.uuid() }).superRefine(sourceFieldsPresent);
export type InventoryLineInput = z.input<typeof inventoryLineSchema>;

export const updateInventoryLineSchema = inventoryLineFieldsSchema
  .extend({ applicationId: z.uuid(), lineId: z.uuid() })
  .superRefine(sourceFieldsPresent);
export type UpdateInventoryLineInput = z.input<typeof updateInventoryLineSchema>;

export const deleteInventoryLineSchema = z.object({ applicationId: z.uuid(), lineId: z.uuid() });

export const factorSearchSchema = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.string().trim().max(50).optional(),
  region: z.string().trim().max(20).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type FactorSearch = z.output<typeof factorSearchSchema>;
