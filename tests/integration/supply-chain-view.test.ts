/**
 * Seeing the chain (issue 14, item 6): the owner's and the verifier's application pages show which
 * lines rest on suppliers' footprints, the supplier certificate's status today and the share of
 * the footprint each carries, and report the share from verified supplier data beside the
 * primary-data share. Another company, another body, the supplier itself and anonymous see nothing.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { certificates } from "@/db/schema";
import { getApplicationWorkspace } from "@/lib/dal/enterprise-application";
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { UnauthenticatedError } from "@/lib/errors";
import { actorFor } from "../support/certificate-fixtures";
import { createUser } from "../support/factories";
import { createPublishedCertificate } from "../support/pact";
import { certifiedCustomerUsing } from "../support/supply-fixtures";

describe("the supply chain of an application", () => {
  it("shows the owner and its verifier the certified supplier line, its certificate status and its share", async () => {
    const supplier = await createPublishedCertificate();
    const customer = await certifiedCustomerUsing(supplier);
    const workspace = await getApplicationWorkspace(customer.customerActor, customer.application.id);
    expect(workspace).not.toBeNull();
    const lineShare = workspace!.latestCalculation!.breakdown.lines.find((line) => line.lineId === customer.line.id)!.share;
    expect(Number(lineShare)).toBeGreaterThan(0);
    expect(Number(lineShare)).toBeLessThan(1);
    expect(workspace!.supplyChain.lines).toEqual([
      {
        lineId: customer.line.id,
        description: "Cathode material",
        kind: "certified",
        supplierName: supplier.certificate.enterpriseName,
        share: lineShare,
        certificate: { number: supplier.certificate.number, status: "valid", labelPath: `/labels/${encodeURIComponent(supplier.certificate.number)}` },
      },
    ]);
    expect(workspace!.supplyChain.shares).toEqual({
      byKind: { certified: lineShare, imported_verified: "0", self_declared: "0" },
      supplierShare: lineShare,
      verifiedSupplierShare: lineShare,
    });

    // The verifier sees the same chain, with the supplier certificate's status of today.
    await db.update(certificates).set({ status: "suspended", version: 2 }).where(eq(certificates.id, supplier.certificate.id));
    const verifierView = await loadVerifierApplication(await actorFor(customer.verifier), customer.application.id);
    expect(verifierView?.supplyChain.lines).toEqual([expect.objectContaining({ lineId: customer.line.id, kind: "certified", share: lineShare, certificate: expect.objectContaining({ status: "suspended" }) })]);
    expect(verifierView?.supplyChain.shares?.verifiedSupplierShare).toBe(lineShare);
  });

  it("is empty without supplier footprints, and nobody else reads it", async () => {
    const supplier = await createPublishedCertificate();
    const own = await getApplicationWorkspace(await actorFor(supplier.enterpriseUser), supplier.application.id);
    expect(own?.supplyChain).toEqual({ lines: [], shares: { byKind: { certified: "0", imported_verified: "0", self_declared: "0" }, supplierShare: "0", verifiedSupplierShare: "0" } });

    const customer = await certifiedCustomerUsing(supplier);
    // The supplier does not see its customer's application, nor does another company or body.
    expect(await getApplicationWorkspace(await actorFor(supplier.enterpriseUser), customer.application.id)).toBeNull();
    expect(await getApplicationWorkspace(await actorFor(await createUser("enterprise")), customer.application.id)).toBeNull();
    expect(await loadVerifierApplication(await actorFor(await createUser("verifier")), customer.application.id)).toBeNull();
    expect(await loadVerifierApplication(await actorFor(supplier.verifier), customer.application.id)).toBeNull();
    await expect(getApplicationWorkspace(null as never, customer.application.id)).rejects.toThrow(UnauthenticatedError);
  });
});
