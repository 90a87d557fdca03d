import { systemBoundary } from "@/db/schema";
import { CATEGORIES } from "@/lib/catalog/categories";
import { UNIT_CODES } from "@/lib/calc/units";
import { z } from "@/lib/validation/zod";

/** Export markets offered on the registration form (codes kept in the product record). */
export const EXPORT_MARKETS = ["EU", "US", "UK", "JP", "KR", "ASEAN", "CA", "AU"] as const;

const CATEGORY_IDS = new Set(CATEGORIES.map((category) => category.id));
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A plain decimal number typed as text (numeric columns keep full precision). */
export const decimalText = z
  .string()
  .trim()
  .min(1)
  .refine((value) => DECIMAL.test(value), { message: "validation.number" });

export const positiveDecimalText = decimalText.refine((value) => Number(value) > 0, {
  message: "validation.positive",
});

const productFields = {
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  model: z.string().trim().min(1).max(100),
  categoryId: z.string().refine((value) => CATEGORY_IDS.has(value), { message: "validation.choice" }),
  hsCode: z
    .string()
    .trim()
    .refine((value) => /^\d{6,10}$/.test(value), { message: "enterprise.validation.hsCode" }),
  declaredUnitAmount: positiveDecimalText,
  declaredUnit: z.enum(UNIT_CODES as [string, ...string[]]),
  systemBoundary: z.enum(systemBoundary.enumValues),
  periodStart: z.iso.date({ message: "validation.date" }),
  periodEnd: z.iso.date({ message: "validation.date" }),
  productionVolume: positiveDecimalText,
  site: z.string().trim().min(1).max(300),
  exportMarkets: z.array(z.enum(EXPORT_MARKETS)).max(EXPORT_MARKETS.length),
};

function periodInOrder(value: { periodStart: string; periodEnd: string }, ctx: z.RefinementCtx) {
  // ISO dates compare correctly as text.
  if (value.periodStart && value.periodEnd && value.periodStart > value.periodEnd) {
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "enterprise.validation.periodOrder" });
  }
}

export const productSchema = z.object(productFields).superRefine(periodInOrder);
export type ProductInput = z.input<typeof productSchema>;

export const updateProductSchema = z.object({ productId: z.uuid(), ...productFields }).superRefine(periodInOrder);
export type UpdateProductInput = z.input<typeof updateProductSchema>;
