/**
 * How much of a footprint rests on suppliers' footprints (issue 14, "see the chain"): the part of
 * the headline each supplier-footprint line carries, and the share of emissions from verified
 * supplier data — a supplier's footprint certified on the platform (through a fulfilled request)
 * or an imported PACT footprint with a verification block — reported beside the primary-data
 * share. Self-declared footprints count as supplier data, never as verified.
 */
import type { LineResult } from "./calculate";
import { Decimal } from "./decimal";

const SUPPLIER_FOOTPRINT_KINDS = ["certified", "imported_verified", "self_declared"] as const;
export type SupplierFootprintKind = (typeof SUPPLIER_FOOTPRINT_KINDS)[number];

const VERIFIED_KINDS: ReadonlySet<SupplierFootprintKind> = new Set(["certified", "imported_verified"]);

type SupplierLineShare = { lineId: string; kind: SupplierFootprintKind; share: string; emissions: string };

type SupplierChainShares = {
  /** The supplier-footprint lines the calculation priced, in its order. */
  lines: SupplierLineShare[];
  /** Of the headline, per kind of supplier footprint. */
  byKind: Record<SupplierFootprintKind, string>;
  /** Of the headline, every supplier-footprint line. */
  supplierShare: string;
  /** Of the headline, the verified ones only (certified or verified PACT). */
  verifiedSupplierShare: string;
};

/** A biogenic removal is kept out of the headline, so it carries no part of it (as for the primary-data share). */
function isRemoval(line: LineResult): boolean {
  return line.emissionCategory === "biogenic" && new Decimal(line.periodEmissions).lessThan(0);
}

/**
 * The shares of a calculation's headline carried by the supplier-footprint lines named in
 * `suppliers` (line id → kind). A line the calculation does not know (added since) carries
 * nothing: the figures are those of the calculation, never of a guess.
 */
export function supplierChainShares(lines: readonly LineResult[], suppliers: ReadonlyMap<string, SupplierFootprintKind>): SupplierChainShares {
  const byKind = Object.fromEntries(SUPPLIER_FOOTPRINT_KINDS.map((kind) => [kind, new Decimal(0)])) as Record<SupplierFootprintKind, Decimal>;
  const shares: SupplierLineShare[] = [];
  for (const line of lines) {
    const kind = suppliers.get(line.lineId);
    if (!kind) continue;
    const share = isRemoval(line) ? "0" : line.share;
    shares.push({ lineId: line.lineId, kind, share, emissions: line.emissions });
    byKind[kind] = byKind[kind].plus(share);
  }
  const total = (kinds: readonly SupplierFootprintKind[]) => kinds.reduce((sum, kind) => sum.plus(byKind[kind]), new Decimal(0)).toString();
  return {
    lines: shares,
    byKind: { certified: byKind.certified.toString(), imported_verified: byKind.imported_verified.toString(), self_declared: byKind.self_declared.toString() },
    supplierShare: total(SUPPLIER_FOOTPRINT_KINDS),
    verifiedSupplierShare: total(SUPPLIER_FOOTPRINT_KINDS.filter((kind) => VERIFIED_KINDS.has(kind))),
  };
}
