import { UNIT_CODES } from "@/lib/calc/units";
import { todayInShanghai } from "@/lib/certificates/validity";
import { SHARED_FOOTPRINT_FIELDS, SUPPLY_REQUEST_STATUSES } from "@/lib/enums";
import { isoDate, textInput, z } from "@/lib/validation/zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? null : value))
    .nullish()
    .transform((value) => value ?? null);

const SUPPLIER_CHOICE = /^(organization|partner):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Who is asked, as one choice of the form's list: an organization of the platform
 * (`organization:<id>`) or a registered PACT partner (`partner:<id>`). It stays text, so the
 * form's parsed values parse again the same on the server.
 */
const supplierChoice = z.string().regex(SUPPLIER_CHOICE, { message: "supply.validation.supplier" });

export function parseSupplierChoice(value: string): { kind: "organization" | "partner"; id: string } | null {
  const match = SUPPLIER_CHOICE.exec(value);
  return match ? { kind: match[1] as "organization" | "partner", id: match[2].toLowerCase() } : null;
}

export const createSupplyRequestSchema = z.object({
  supplier: supplierChoice,
  productName: z.string().trim().min(1).max(200),
  productModel: optionalText(200),
  partNumber: optionalText(200),
  declaredUnit: z.enum(UNIT_CODES as [string, ...string[]]),
  quantityContext: optionalText(500),
  // ISO dates compare correctly as text.
  dueOn: isoDate.refine((date) => date > todayInShanghai(), "supply.validation.dueInFuture"),
  message: optionalText(2000),
  applicationId: z.uuid().nullish().transform((value) => value ?? null),
  lineId: z.uuid().nullish().transform((value) => value ?? null),
});
export type CreateSupplyRequestValues = z.output<typeof createSupplyRequestSchema>;

/** A change of state names the version its author saw: a different one means someone else moved it. */
const requestRef = { requestId: z.uuid(), expectedVersion: z.coerce.number().int().min(1) };

export const supplyRequestRefSchema = z.object(requestRef);
export type SupplyRequestRefValues = z.output<typeof supplyRequestRefSchema>;

export const declineSupplyRequestSchema = z.object({ ...requestRef, reason: z.string().trim().min(1).max(2000) });
export type DeclineSupplyRequestValues = z.output<typeof declineSupplyRequestSchema>;

/** The lists show what the enterprise received, what it sent, or both. */
export const SUPPLY_DIRECTIONS = ["all", "received", "sent"] as const;

/** The list filters as they come from the address: anything unknown falls back to "everything". */
export const supplyFiltersSchema = z.object({
  direction: z.enum(SUPPLY_DIRECTIONS).catch("all"),
  status: z.enum(SUPPLY_REQUEST_STATUSES).nullable().catch(null),
  counterparty: z.string().regex(SUPPLIER_CHOICE).nullable().catch(null),
});
export type SupplyFilters = z.output<typeof supplyFiltersSchema>;

/** The supplier's answer: one of its certified footprints, and what of it the customer may see. */
export const fulfilSupplyRequestSchema = z.object({
  ...requestRef,
  footprintId: z.uuid({ message: "supply.validation.footprint" }),
  // A form with one box ticked sends a single value, with none nothing at all.
  fields: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(SHARED_FOOTPRINT_FIELDS)).max(SHARED_FOOTPRINT_FIELDS.length)),
});
export type FulfilSupplyRequestValues = z.output<typeof fulfilSupplyRequestSchema>;

/** The customer prices one of its lines with a fulfilled request's footprint, or with a footprint it imported (exactly one). */
export const applySupplierFootprintSchema = z
  .object({
    requestId: z.uuid().optional(),
    importedFootprintId: z.uuid().optional(),
    applicationId: z.uuid(),
    lineId: z.uuid({ message: "supply.validation.line" }),
  })
  .refine((value) => (value.requestId === undefined) !== (value.importedFootprintId === undefined), { path: ["requestId"], message: "supply.validation.oneFootprint" });
export type ApplySupplierFootprintValues = z.output<typeof applySupplierFootprintSchema>;

/** The customer keeps a line whose supplier certificate changed. */
export const confirmSupplierFootprintSchema = z.object({ applicationId: z.uuid(), lineId: z.uuid() });
export type ConfirmSupplierFootprintValues = z.output<typeof confirmSupplierFootprintSchema>;

/** The upload of a PACT ProductFootprint file: at most 1 MB of UTF-8 JSON. */
export const MAX_FOOTPRINT_FILE_BYTES = 1024 * 1024;

/** A footprint to read from a registered partner's PACT host: its URL there, or its id. */
export const importPartnerFootprintSchema = z.object({
  partnerId: z.uuid({ message: "supply.validation.partner" }),
  reference: textInput().trim().min(1, { message: "supply.import.errors.referenceRequired" }).max(2000, { message: "supply.import.errors.outsidePartner" }),
});
