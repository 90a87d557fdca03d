import { SYSTEM_BOUNDARIES } from "@/lib/enums";
import { CATEGORIES } from "@/lib/catalog/categories";
import { UNIT_CODES } from "@/lib/calc/units";
import { DECIMAL, DECIMAL_BOUNDS_MESSAGE, decimalErrorMessage, isBoundedDecimal, normalizeDecimalInput, z, textInput } from "@/lib/validation/zod";
import { optionalNonNegativeDecimal } from "./pact";

/** Export markets offered on the registration form (codes kept in the product record). */
export const EXPORT_MARKETS = ["EU", "US", "UK", "JP", "KR", "ASEAN", "CA", "AU"] as const;

const CATEGORY_IDS = new Set(CATEGORIES.map((category) => category.id));

/**
 * A plain decimal number typed as text (numeric columns keep full precision);
 * thousands separators and full-width digits are accepted and made plain (`normalizeDecimalInput`).
 */
export const decimalText = textInput()
  .trim()
  .min(1)
  .transform(normalizeDecimalInput)
  .superRefine((value, ctx) => {
    if (!DECIMAL.test(value)) ctx.addIssue({ code: "custom", message: decimalErrorMessage(value), continue: false });
  })
  .refine(isBoundedDecimal, { message: DECIMAL_BOUNDS_MESSAGE, abort: true });

export const positiveDecimalText = decimalText.refine((value) => Number(value) > 0, {
  message: "validation.positive",
});

const productFields = {
  nameZh: textInput().trim().min(1).max(200),
  nameEn: textInput().trim().min(1).max(200),
  model: textInput().trim().min(1).max(100),
  categoryId: textInput().refine((value) => CATEGORY_IDS.has(value), { message: "validation.choice" }),
  hsCode: textInput()
    .trim()
    .refine((value) => /^\d{6,10}$/.test(value), { message: "enterprise.validation.hsCode" }),
  declaredUnitAmount: positiveDecimalText,
  declaredUnit: z.enum(UNIT_CODES as [string, ...string[]]),
  systemBoundary: z.enum(SYSTEM_BOUNDARIES),
  periodStart: z.iso.date({ message: "validation.date" }),
  periodEnd: z.iso.date({ message: "validation.date" }),
  productionVolume: positiveDecimalText,
  site: textInput().trim().min(1).max(300),
  exportMarkets: z.array(z.enum(EXPORT_MARKETS)).max(EXPORT_MARKETS.length),
  /** What PACT data exchange asks of the product, per declared unit (db/schema.ts products). */
  massPerDeclaredUnit: optionalNonNegativeDecimal,
  fossilCarbonContent: optionalNonNegativeDecimal,
  biogenicCarbonContent: optionalNonNegativeDecimal,
};

function periodInOrder(value: { periodStart: string; periodEnd: string }, ctx: z.RefinementCtx) {
  // ISO dates compare correctly as text.
  if (value.periodStart && value.periodEnd && value.periodStart > value.periodEnd) {
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "enterprise.validation.periodOrder" });
  }
}

export const productSchema = z.object(productFields).superRefine(periodInOrder);
export type ProductInput = z.input<typeof productSchema>;
export type ProductValues = z.output<typeof productSchema>;

export const updateProductSchema = z.object({ productId: z.uuid(), ...productFields }).superRefine(periodInOrder);
