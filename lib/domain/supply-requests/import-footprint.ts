import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { importedFootprints } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { Decimal } from "@/lib/calc/decimal";
import { OperationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/translate";
import type { ProductFootprint } from "@/lib/pact/footprint";
import { platformUnitOf } from "@/lib/pact/units";
import { productFootprintProblems, type SchemaProblem } from "@/lib/pact/validate";
import { assertUserCan, type Actor } from "@/lib/policy";
import { isBoundedDecimal, isSafeText } from "@/lib/validation/zod";

export type ImportFootprintInput = { fileName: string; document: unknown };

/** A refusal at the upload field, naming the document's field (a JSON pointer) and why (a message of supply.import.errors). */
function refuse(pointer: string, reason: string, params: Record<string, string> = {}): never {
  throw new OperationError("errors.validation", { file: [messageKey(`supply.import.errors.${reason}`, { pointer, ...params })] });
}

/** The schema's first problem in the reader's language where its keyword has a message; else ajv's own (English) words. */
function refuseProblem({ path, keyword, params, message }: SchemaProblem): never {
  const within = path === "/" ? "" : path;
  if (keyword === "required" && typeof params.missingProperty === "string") refuse(`${within}/${params.missingProperty}`, "missing");
  if (keyword === "enum" && Array.isArray(params.allowedValues)) refuse(path, "notAllowed", { allowed: params.allowedValues.join(", ") });
  if (keyword === "type" && typeof params.type === "string") refuse(path, "wrongType", { type: params.type });
  if (keyword === "format" && typeof params.format === "string") refuse(path, "format", { format: params.format });
  refuse(path, "field", { reason: message });
}

/** JSON nested deeper than any ProductFootprint needs is refused before it reaches the database. */
const MAX_DEPTH = 32;

/**
 * The first place where the document holds what PostgreSQL's jsonb cannot keep (a NUL, a lone
 * surrogate) or nests too deep, as a JSON pointer; walked without recursion, so any input is safe.
 */
function unstorable(document: unknown): { pointer: string; reason: "unsafeText" | "tooDeep" } | null {
  const pending: { value: unknown; pointer: string; depth: number }[] = [{ value: document, pointer: "", depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, pointer, depth } = next;
    if (typeof value === "string" && !isSafeText(value)) return { pointer: pointer || "/", reason: "unsafeText" };
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_DEPTH) return { pointer: pointer || "/", reason: "tooDeep" };
    for (const [key, child] of Object.entries(value)) {
      const childPointer = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (!isSafeText(key)) return { pointer: childPointer, reason: "unsafeText" };
      pending.push({ value: child, pointer: childPointer, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * An enterprise imports a supplier's PACT v3 ProductFootprint as a supplier footprint it may price
 * its own lines with. The document must be valid against the PACT schema; the first problem is
 * refused with its field. Its value per one declared unit is the PCF (excluding biogenic uptake)
 * divided by the declared amount, in the platform unit the PACT unit counts in. A document
 * without `pcf.verification` is kept as self-declared; a Deprecated one is not imported, as PACT
 * says it is no longer to be used.
 */
export async function importSupplierFootprint(tx: Tx, actor: Actor | null, input: ImportFootprintInput) {
  assertUserCan(actor, "supplierFootprint.import");
  const [problem] = productFootprintProblems(input.document);
  if (problem) refuseProblem(problem);
  const badValue = unstorable(input.document);
  if (badValue) refuse(badValue.pointer, badValue.reason);
  const document = input.document as ProductFootprint;
  if (document.status !== "Active") refuse("/status", "deprecated");
  const unit = platformUnitOf(document.pcf.declaredUnitOfMeasurement);
  if (!unit) refuse("/pcf/declaredUnitOfMeasurement", "unitNotCounted");
  const amount = new Decimal(document.pcf.declaredUnitAmount);
  if (!amount.isPositive() || amount.isZero()) refuse("/pcf/declaredUnitAmount", "amountNotPositive");
  const value = new Decimal(document.pcf.pcfExcludingBiogenicUptake).dividedBy(amount).toDecimalPlaces(12).toFixed();
  if (!isBoundedDecimal(value)) refuse("/pcf/pcfExcludingBiogenicUptake", "valueTooLarge");

  const [existing] = await tx
    .select({ id: importedFootprints.id })
    .from(importedFootprints)
    .where(and(eq(importedFootprints.organizationId, actor.organizationId), eq(importedFootprints.footprintId, document.id)));
  if (existing) throw new OperationError("errors.validation", { file: ["supply.import.errors.alreadyImported"] });
  const verification = document.pcf.verification ?? null;
  const [row] = await tx
    .insert(importedFootprints)
    .values({
      organizationId: actor.organizationId,
      footprintId: document.id,
      companyName: document.companyName,
      productName: document.productNameCompany,
      value,
      declaredUnit: unit,
      verification,
      document,
      fileName: input.fileName,
      importedBy: actor.id,
    })
    .returning({ id: importedFootprints.id });
  await recordAuditEvent(tx, actor, {
    action: "supplierFootprint.import",
    entityType: "imported_footprint",
    entityId: row.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: { footprintId: document.id, companyName: document.companyName, productName: document.productNameCompany, value, declaredUnit: unit, selfDeclared: verification === null, fileName: input.fileName },
  });
  return { importedFootprintId: row.id };
}
