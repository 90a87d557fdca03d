import { DECIMAL_BOUNDS_MESSAGE, isBoundedDecimal, isoDate, normalizeDecimalInput, z, textInput } from "@/lib/validation/zod";
import { messageKey } from "@/lib/i18n/translate";
import { MAX_GRADE_THRESHOLDS, validateThresholds } from "@/lib/certificates/grade";
import { UNIT_CODES } from "@/lib/calc/units";

const optionalText = (max: number) =>
  textInput()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

/** A product category's id (`laptop`, `li_battery_power`): a filter value of any other shape names none. */
const CATEGORY_ID = /^[a-z0-9][a-z0-9_]{0,63}$/;

/** Dashboard filters from the query string; anything malformed is simply ignored. */
export const dashboardFiltersSchema = z.object({
  category: optionalText(64)
    .refine((value) => value === undefined || CATEGORY_ID.test(value))
    .catch(undefined),
  district: textInput().regex(/^\d{6}$/).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
});
export type DashboardFilters = { category?: string; district?: string; from?: string; to?: string };

export function parseDashboardFilters(params: Record<string, string | string[] | undefined>): DashboardFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return dashboardFiltersSchema.parse({
    category: first(params.category),
    district: first(params.district),
    from: first(params.from),
    to: first(params.to),
  });
}

export const TARGET_METRICS = ["products_with_footprint", "certificates_issued"] as const;

export const pilotTargetSchema = z.object({
  title: textInput().trim().min(1).max(200),
  categoryId: optionalText(64),
  metric: z.enum(TARGET_METRICS),
  targetCount: z.coerce.number().int().min(1).max(10_000_000),
  deadline: isoDate,
});

/** Thresholds typed as "0.70, 0.85, 1.00, 1.15". */
export function parseThresholdList(text: string): number[] {
  return text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number);
}

const thresholdsSchema = textInput().superRefine((text, context) => {
  const validation = validateThresholds(parseThresholdList(text));
  if (!validation.ok) {
    context.addIssue({
      code: "custom",
      message: messageKey(`benchmarks.errors.thresholds_${validation.problem}`, { maximum: MAX_GRADE_THRESHOLDS }),
    });
  }
});

export const benchmarkVersionSchema = z.object({
  categoryId: textInput().trim().min(1).max(64),
  value: textInput()
    .trim()
    .transform(normalizeDecimalInput)
    .refine((value) => /^\d+(\.\d+)?$/.test(value), { message: "validation.positive", abort: true })
    .refine(isBoundedDecimal, { message: DECIMAL_BOUNDS_MESSAGE, abort: true })
    .refine((value) => Number(value) > 0, "validation.positive"),
  source: textInput().trim().min(1).max(500),
  effectiveFrom: isoDate,
  thresholds: thresholdsSchema,
});
export type BenchmarkVersionInput = z.output<typeof benchmarkVersionSchema>;

export const GWP_BASES = ["AR6", "AR5"] as const;
export const EMISSION_CATEGORIES = ["fossil", "biogenic", "land_use_change"] as const;

/** A factor row as typed in the form or read from one CSV line. */
export const factorFieldsSchema = z.object({
  factorKey: textInput()
    .trim()
    .min(3)
    .max(120)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "factors.errors.keyFormat"),
  nameZh: textInput().trim().min(1).max(200),
  nameEn: textInput().trim().min(1).max(200),
  category: textInput().trim().min(1).max(64),
  value: textInput()
    .trim()
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d{1,2})?$/, { message: "validation.number", abort: true })
    .refine(isBoundedDecimal, DECIMAL_BOUNDS_MESSAGE),
  unit: textInput().trim().refine((unit) => UNIT_CODES.includes(unit), "factors.errors.unknownUnit"),
  region: textInput().trim().min(1).max(32),
  year: z.coerce.number().int().min(1990).max(2100),
  source: textInput().trim().min(1).max(500),
  gwpBasis: z.enum(GWP_BASES),
  emissionCategory: z.enum(EMISSION_CATEGORIES),
});
export type FactorFields = z.output<typeof factorFieldsSchema>;

export const factorImportSchema = z.object({ csv: textInput().min(1).max(2_000_000) });

export const auditFiltersSchema = z.object({
  /** An organization by its name (either language), as a person picks it; mapped to its ids by the read. */
  organizationName: optionalText(200).catch(undefined),
  /** An acting person by name; every user of that name who acted in the trail. */
  actorName: optionalText(100).catch(undefined),
  organization: z.uuid().optional().catch(undefined),
  product: z.uuid().optional().catch(undefined),
  certificate: z.uuid().optional().catch(undefined),
  user: z.uuid().optional().catch(undefined),
  action: optionalText(80).catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  /** Keyset cursor: events with a smaller id (older) than this. */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilters = {
  organizationName?: string;
  actorName?: string;
  organization?: string;
  product?: string;
  certificate?: string;
  user?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
};

/** A list's page number from the query string (anything else is the first page). */
const listPageSchema = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined);

/** Factor database search from the query string; `key` opens a factor's history. */
export const factorSearchSchema = z.object({
  q: textInput().trim().max(100).optional().catch(undefined),
  category: textInput().trim().max(64).optional().catch(undefined),
  region: textInput().trim().max(32).optional().catch(undefined),
  year: z.coerce.number().int().min(1900).max(2100).optional().catch(undefined),
  key: textInput().trim().max(120).optional().catch(undefined),
  page: listPageSchema,
});
export type FactorSearch = z.output<typeof factorSearchSchema>;
