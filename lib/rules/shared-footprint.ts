/**
 * What a supplier shares with a customer when it fulfils a footprint request: a frozen projection
 * of one certified footprint, with only the parts the supplier chose. Built from the certificate
 * (never from its inventory lines or evidence, which stay the supplier's), and read back through
 * `sharedFootprintSchema` wherever it is shown or used.
 */
import { Decimal } from "@/lib/calc/decimal";
import { LIFE_CYCLE_STAGES, SYSTEM_BOUNDARIES, type SharedFootprintField } from "@/lib/enums";
import { z } from "@/lib/validation/zod";
import type { CertificateSnapshot } from "./certificate-snapshot";

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

export const sharedFootprintSchema = z.object({
  /** The PACT ProductFootprint id, and its version in the chain of footprints of the product (1 = first). */
  footprintId: z.uuid(),
  footprintVersion: z.number().int().min(1),
  certificateId: z.uuid(),
  certificateNumber: z.string(),
  supplierName: z.string(),
  productName: z.string(),
  productNameEn: z.string(),
  /** kg CO2e per one declared unit (the certificate's value divided by its declared amount). */
  value: decimal,
  declaredUnit: z.string(),
  boundary: z.enum(SYSTEM_BOUNDARIES).optional(),
  stages: z.partialRecord(z.enum(LIFE_CYCLE_STAGES), decimal).optional(),
  primaryDataShare: decimal.optional(),
  dataQuality: decimal.optional(),
  /** Absent when the supplier did not share it — or for an imported footprint without one ("self-declared"). */
  verification: z
    .object({
      bodyName: z.string(),
      statement: z.string(),
      issuedOn: z.string(),
      expiresOn: z.string(),
      /** The supplier's public label page. */
      labelPath: z.string(),
    })
    .optional(),
  sharedAt: z.string(),
});
export type SharedFootprint = z.output<typeof sharedFootprintSchema>;

type SharedFootprintSource = {
  footprintId: string;
  precedingFootprintCount: number;
  certificate: { id: string; number: string; enterpriseName: string; productName: string; productNameEn: string; snapshot: CertificateSnapshot };
  fields: readonly SharedFootprintField[];
  sharedAt: Date;
};

/** Stage values per one declared unit, as the calculation gave them per the declared amount. */
function perOneUnit(value: string, amount: Decimal): string {
  return new Decimal(value).dividedBy(amount).toString();
}

export function buildSharedFootprint({ footprintId, precedingFootprintCount, certificate, fields, sharedAt }: SharedFootprintSource): SharedFootprint {
  const { snapshot } = certificate;
  const product = snapshot.inventory.product;
  const calculation = snapshot.inventory.calculation;
  const amount = new Decimal(product.declaredUnitAmount);
  const shows = (field: SharedFootprintField) => fields.includes(field);
  return {
    footprintId,
    footprintVersion: precedingFootprintCount + 1,
    certificateId: certificate.id,
    certificateNumber: certificate.number,
    supplierName: certificate.enterpriseName,
    productName: certificate.productName,
    productNameEn: certificate.productNameEn,
    value: perOneUnit(snapshot.value, amount),
    declaredUnit: product.declaredUnit,
    ...(shows("boundary") ? { boundary: product.systemBoundary } : {}),
    ...(shows("stageBreakdown")
      ? { stages: Object.fromEntries(Object.entries(calculation.byStage).map(([stage, value]) => [stage, perOneUnit(value, amount)])) }
      : {}),
    ...(shows("primaryDataShare") ? { primaryDataShare: calculation.primaryShare } : {}),
    ...(shows("dataQuality") ? { dataQuality: calculation.dataQuality } : {}),
    ...(shows("verification")
      ? {
          verification: {
            bodyName: snapshot.verificationBody.name,
            statement: snapshot.statement,
            issuedOn: snapshot.issuedOn,
            expiresOn: snapshot.expiresOn,
            labelPath: `/labels/${encodeURIComponent(certificate.number)}`,
          },
        }
      : {}),
    sharedAt: sharedAt.toISOString(),
  };
}
