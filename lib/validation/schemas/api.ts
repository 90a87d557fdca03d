/**
 * The REST API's resources and queries (/api/v1), as zod schemas: the handlers' responses are
 * typed by them and the OpenAPI document is generated from them (with the request schemas the
 * forms use). Decimals are strings, timestamps ISO 8601 strings.
 */
import {
  APPLICATION_STATUSES,
  CERTIFICATE_STATUSES,
  DATA_TYPES,
  EMISSION_CATEGORIES,
  EVIDENCE_SCAN_STATUSES,
  LIFE_CYCLE_STAGES,
  LINE_SOURCES,
  LINE_VERIFICATIONS,
  REVIEW_STAGES,
  SYSTEM_BOUNDARIES,
} from "@/lib/enums";
import { factorSearchSchema } from "@/lib/validation/schemas/inventory";
import { z, textInput } from "@/lib/validation/zod";

const decimal = z.string().meta({ description: "A decimal number as a string (full precision).", examples: ["0.5703"] });
const timestamp = z.iso.datetime({ offset: true });
const date = z.iso.date();
const id = z.uuid();

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 25;

/** `limit` and the opaque `cursor` of the previous page's `nextCursor`. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: textInput().min(1).max(500).optional(),
});

export const applicationListQuerySchema = pageQuerySchema.extend({
  status: z.enum(APPLICATION_STATUSES).optional(),
  productId: z.uuid().optional(),
});

export const factorListQuerySchema = pageQuerySchema.extend(factorSearchSchema.shape);

export const productResource = z
  .object({
    id,
    nameZh: z.string(),
    nameEn: z.string(),
    model: z.string(),
    categoryId: z.string(),
    hsCode: z.string(),
    declaredUnitAmount: decimal,
    declaredUnit: z.string(),
    systemBoundary: z.enum(SYSTEM_BOUNDARIES),
    periodStart: date,
    periodEnd: date,
    productionVolume: decimal,
    site: z.string(),
    exportMarkets: z.array(z.string()),
    createdAt: timestamp,
    updatedAt: timestamp,
  });

export const applicationResource = z
  .object({
    id,
    productId: id,
    status: z.enum(APPLICATION_STATUSES),
    reviewStage: z.enum(REVIEW_STAGES).nullable(),
    round: z.number().int(),
    version: z.number().int().meta({ description: "Bumped by every status change." }),
    inventoryRevision: z.number().int().meta({ description: "Bumped by every inventory change." }),
    verificationBodyId: id.nullable(),
    result: z.object({
      value: decimal.nullable().meta({ description: "kg CO2e per declared unit from the latest calculation." }),
      calculationId: id.nullable(),
      current: z.boolean().meta({ description: "Whether the latest calculation is of the current inventory revision." }),
    }),
    certificateNumber: z.string().nullable(),
    submittedAt: timestamp.nullable(),
    decidedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  });

export const inventoryLineResource = z
  .object({
    id,
    stage: z.enum(LIFE_CYCLE_STAGES),
    position: z.number().int(),
    description: z.string(),
    quantity: decimal,
    unit: z.string(),
    source: z.enum(LINE_SOURCES),
    factorId: id.nullable(),
    supplierFactorValue: decimal.nullable(),
    supplierFactorUnit: z.string().nullable(),
    supplierName: z.string().nullable(),
    gas: z.string().nullable(),
    dataType: z.enum(DATA_TYPES),
    dqrTechnological: z.number().int(),
    dqrGeographical: z.number().int(),
    dqrTemporal: z.number().int(),
    allocationShare: decimal,
    emissionCategory: z.enum(EMISSION_CATEGORIES),
    verification: z.enum(LINE_VERIFICATIONS),
    createdAt: timestamp,
    updatedAt: timestamp,
  });

export const calculationResource = z
  .object({ calculationId: id, result: decimal.meta({ description: "kg CO2e per declared unit." }) });

export const importResultResource = z.object({ imported: z.number().int() });

export const evidenceResource = z
  .object({
    id,
    applicationId: id,
    lineId: id.nullable(),
    fileName: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    scanStatus: z.enum(EVIDENCE_SCAN_STATUSES).meta({
      description: "pending: held until the malware scan finds it clean (the file cannot be downloaded meanwhile); not_scanned: no scanner is configured.",
    }),
  });

export const certificateResource = z
  .object({
    number: z.string().meta({ examples: ["CFP-CQ-2026-7K3M9Q"] }),
    applicationId: id,
    productId: id,
    productName: z.string(),
    productNameEn: z.string(),
    enterpriseName: z.string(),
    verificationBodyId: id,
    value: decimal.meta({ description: "kg CO2e per declared unit." }),
    grade: z.number().int().nullable(),
    status: z.enum(CERTIFICATE_STATUSES).meta({ description: "Live status: a certificate past its expiry date is expired." }),
    statusReason: z.string().nullable(),
    issuedOn: date,
    expiresOn: date,
    labelUrl: z.url().meta({ description: "The public verification page (the label's QR code)." }),
  });

export const certificateStatusResource = z
  .object({
    number: z.string(),
    status: z.enum(CERTIFICATE_STATUSES),
    statusReason: z.string().nullable(),
    statusChangedAt: timestamp.nullable(),
    expiresOn: date,
  });

export const factorResource = z
  .object({
    id,
    factorKey: z.string(),
    version: z.number().int(),
    nameZh: z.string(),
    nameEn: z.string(),
    category: z.string(),
    value: decimal.meta({ description: "kg CO2e per one unit." }),
    unit: z.string(),
    region: z.string(),
    year: z.number().int(),
    source: z.string(),
    emissionCategory: z.enum(EMISSION_CATEGORIES),
  });

export const notificationResource = z
  .object({
    id,
    kind: z.string(),
    applicationId: id.nullable(),
    certificateId: id.nullable(),
    params: z.record(z.string(), z.string()),
    readAt: timestamp.nullable(),
    createdAt: timestamp,
  });

export const verificationBodyResource = z
  .object({ id, name: z.string(), nameEn: z.string().nullable(), accreditationNo: z.string().nullable() });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  });
}

export const problemResource = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().meta({ description: "The machine-readable reason, stable across languages." }),
    errorCount: z.number().int().optional().meta({ description: "How many field errors there are; `errors` lists the first 500." }),
    errors: z
      .array(
        z.object({
          pointer: z.string().optional().meta({ description: "JSON Pointer (RFC 6901) to the field of the request body." }),
          parameter: z.string().optional().meta({ description: "The query parameter in error." }),
          field: z.string(),
          row: z.number().int().optional().meta({ description: "The row of an imported file (1 = the header row)." }),
          code: z.string(),
          detail: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ description: "RFC 9457 problem details." });

export type ProductResource = z.infer<typeof productResource>;
export type ApplicationResource = z.infer<typeof applicationResource>;
export type InventoryLineResource = z.infer<typeof inventoryLineResource>;
export type CertificateResource = z.infer<typeof certificateResource>;
export type CertificateStatusResource = z.infer<typeof certificateStatusResource>;
export type FactorResource = z.infer<typeof factorResource>;
export type NotificationResource = z.infer<typeof notificationResource>;
export type Problem = z.infer<typeof problemResource>;

/** The multipart body of an inventory import: a CSV or XLSX file with the template's columns. */
export const inventoryImportUploadSchema = z.object({
  file: z.file().meta({ description: "CSV (UTF-8) or XLSX, at most 20 MB, with the columns of /api/templates/inventory." }),
});

/** The multipart body of an evidence upload. */
export const evidenceUploadSchema = z.object({
  file: z.file().meta({ description: "PDF, PNG, JPEG, XLSX or CSV, at most 20 MB; the type is detected from the content." }),
  lineId: z.uuid().optional().meta({ description: "The inventory line the file supports; omit for the application as a whole." }),
});
