import "server-only";
import { and, asc, eq, isNotNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { certificates, importedFootprints, inventoryLines, supplyRequests } from "@/db/schema";
import type { LineResult } from "@/lib/calc/calculate";
import { supplierChainShares, type SupplierFootprintKind } from "@/lib/calc/supplier-share";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";
import type { CertificateStatus } from "@/lib/enums";
import { sharedFootprintSchema } from "@/lib/rules/shared-footprint";

const supplierCertificates = alias(certificates, "chain_supplier_certificate");

type SupplyChainLine = {
  lineId: string;
  description: string;
  kind: SupplierFootprintKind;
  supplierName: string;
  /** Of the calculation's headline; null for a line the calculation does not know (added since). */
  share: string | null;
  /** A certified footprint: the supplier certificate, its status today and its public label page. */
  certificate: { number: string; status: CertificateStatus; labelPath: string } | null;
};

/**
 * Which lines of an application rest on suppliers' footprints — certified through a fulfilled
 * request, an imported PACT footprint with or without verification — and what share of the
 * calculation's headline they carry (`supplierChainShares`). Callers have scoped the application
 * to the reader (the owner's or the entrusted body's pages); what a line shows of the supplier is
 * what the supplier shared, and the certificate's public status.
 */
export async function supplyChainOf(applicationId: string, calculationLines: readonly LineResult[] | null) {
  const rows = await db
    .select({
      lineId: inventoryLines.id,
      description: inventoryLines.description,
      supplyRequestId: inventoryLines.supplyRequestId,
      sharedFootprint: supplyRequests.sharedFootprint,
      certificateNumber: supplierCertificates.number,
      certificateStatus: supplierCertificates.status,
      certificateExpiresOn: supplierCertificates.expiresOn,
      importedCompany: importedFootprints.companyName,
      importedVerification: importedFootprints.verification,
    })
    .from(inventoryLines)
    .leftJoin(supplyRequests, eq(supplyRequests.id, inventoryLines.supplyRequestId))
    .leftJoin(supplierCertificates, eq(supplierCertificates.id, supplyRequests.fulfilledCertificateId))
    .leftJoin(importedFootprints, eq(importedFootprints.id, inventoryLines.importedFootprintId))
    .where(and(eq(inventoryLines.applicationId, applicationId), or(isNotNull(inventoryLines.supplyRequestId), isNotNull(inventoryLines.importedFootprintId))))
    .orderBy(asc(inventoryLines.stage), asc(inventoryLines.position), asc(inventoryLines.id));
  const today = todayInShanghai();
  const kinds = new Map<string, SupplierFootprintKind>();
  const lines = rows.map((row) => {
    const certified = row.supplyRequestId !== null;
    const kind: SupplierFootprintKind = certified ? "certified" : row.importedVerification === null ? "self_declared" : "imported_verified";
    kinds.set(row.lineId, kind);
    const shared = certified ? sharedFootprintSchema.safeParse(row.sharedFootprint).data : undefined;
    return {
      lineId: row.lineId,
      description: row.description,
      kind,
      supplierName: (certified ? shared?.supplierName : row.importedCompany) ?? "",
      certificate:
        row.certificateNumber && row.certificateStatus && row.certificateExpiresOn
          ? {
              number: row.certificateNumber,
              status: effectiveStatus(row.certificateStatus, row.certificateExpiresOn, today),
              labelPath: `/labels/${encodeURIComponent(row.certificateNumber)}`,
            }
          : null,
    };
  });
  const shares = calculationLines ? supplierChainShares(calculationLines, kinds) : null;
  const shareOf = new Map(shares?.lines.map((line) => [line.lineId, line.share]));
  return {
    lines: lines.map((line): SupplyChainLine => ({ ...line, share: shareOf.get(line.lineId) ?? null })),
    /** Null without a calculation to take shares of. */
    shares: shares ? { byKind: shares.byKind, supplierShare: shares.supplierShare, verifiedSupplierShare: shares.verifiedSupplierShare } : null,
  };
}

export type SupplyChainView = Awaited<ReturnType<typeof supplyChainOf>>;
