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
import { assertUserCan, type Actor, type UserActor } from "@/lib/policy";
import { isBoundedDecimal, isSafeText } from "@/lib/validation/zod";

/** The verdict on the credential the document carries (checked by the adapter before the transaction, lib/dal/pact/footprint-credential.ts). */
export type CredentialCheck = { verdict: string; pointer: string } | null;

type ImportFootprintInput = { fileName: string; document: unknown; credential?: CredentialCheck };

/** A refusal at `field` (the upload's by default), naming the document's field (a JSON pointer) and why (a message of supply.import.errors). */
function refuse(field: string, pointer: string, reason: string, params: Record<string, string> = {}): never {
  throw new OperationError("errors.validation", { [field]: [messageKey(`supply.import.errors.${reason}`, { pointer, ...params })] });
}

/** The schema's first problem in the reader's language where its keyword has a message; else ajv's own (English) words. */
function refuseProblem(field: string, { path, keyword, params, message }: SchemaProblem): never {
  const within = path === "/" ? "" : path;
  if (keyword === "required" && typeof params.missingProperty === "string") refuse(field, `${within}/${params.missingProperty}`, "missing");
  if (keyword === "enum" && Array.isArray(params.allowedValues)) refuse(field, path, "notAllowed", { allowed: params.allowedValues.join(", ") });
  if (keyword === "type" && typeof params.type === "string") refuse(field, path, "wrongType", { type: params.type });
  if (keyword === "format" && typeof params.format === "string") refuse(field, path, "format", { format: params.format });
  refuse(field, path, "field", { reason: message });
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
 * says it is no longer to be used; one whose certificate credential fails its signature check is
 * refused, any other verdict on it is kept with the import.
 */
export async function importSupplierFootprint(tx: Tx, actor: Actor | null, input: ImportFootprintInput) {
  assertUserCan(actor, "supplierFootprint.import");
  const kept = await keepImportedFootprint(tx, actor, { ...input, partnerId: null, field: "file", reuse: false });
  return { importedFootprintId: kept.importedFootprintId };
}

type KeepFootprintInput = ImportFootprintInput & {
  /** The registered partner whose host the document came from, if any. */
  partnerId: string | null;
  /** The form or event field a refusal is reported at. */
  field: string;
  /** A footprint the organization already imported is used again (an answer to a request) rather than refused. */
  reuse: boolean;
};

/**
 * What every import does, by file, from a partner's URL or in a partner's answer: validated as
 * above, kept as the organization's import and audited. The caller has asserted its permission.
 */
export async function keepImportedFootprint(tx: Tx, actor: UserActor, input: KeepFootprintInput) {
  const { field } = input;
  const [problem] = productFootprintProblems(input.document);
  if (problem) refuseProblem(field, problem);
  const badValue = unstorable(input.document);
  if (badValue) refuse(field, badValue.pointer, badValue.reason);
  const document = input.document as ProductFootprint;
  if (document.status !== "Active") refuse(field, "/status", "deprecated");
  const unit = platformUnitOf(document.pcf.declaredUnitOfMeasurement);
  if (!unit) refuse(field, "/pcf/declaredUnitOfMeasurement", "unitNotCounted");
  const amount = new Decimal(document.pcf.declaredUnitAmount);
  if (!amount.isPositive() || amount.isZero()) refuse(field, "/pcf/declaredUnitAmount", "amountNotPositive");
  const value = new Decimal(document.pcf.pcfExcludingBiogenicUptake).dividedBy(amount).toDecimalPlaces(12).toFixed();
  if (!isBoundedDecimal(value)) refuse(field, "/pcf/pcfExcludingBiogenicUptake", "valueTooLarge");
  if (input.credential?.verdict === "invalid") refuse(field, input.credential.pointer, "credentialInvalid");

  const [existing] = await tx
    .select({ id: importedFootprints.id })
    .from(importedFootprints)
    .where(and(eq(importedFootprints.organizationId, actor.organizationId), eq(importedFootprints.footprintId, document.id)));
  if (existing && input.reuse) return { importedFootprintId: existing.id, document, value, declaredUnit: unit };
  if (existing) throw new OperationError("errors.validation", { [field]: ["supply.import.errors.alreadyImported"] });
  const verification = document.pcf.verification ?? null;
  const credentialVerdict = input.credential?.verdict ?? null;
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
      partnerId: input.partnerId,
      credentialVerdict,
      importedBy: actor.id,
    })
    .returning({ id: importedFootprints.id });
  await recordAuditEvent(tx, actor, {
    action: "supplierFootprint.import",
    entityType: "imported_footprint",
    entityId: row.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: {
      footprintId: document.id,
      companyName: document.companyName,
      productName: document.productNameCompany,
      value,
      declaredUnit: unit,
      selfDeclared: verification === null,
      fileName: input.fileName,
      partnerId: input.partnerId,
      credentialVerdict,
    },
  });
  return { importedFootprintId: row.id, document, value, declaredUnit: unit };
}
