/**
 * The regulator's view of the chain (issue 14, item 6): how much of the pilot's certified
 * footprints rests on certified supplier data — per certificate in force, the share of its frozen
 * footprint carried by lines priced with a supplier's certified footprint; the KPI is their mean.
 * Only the region's regulator reads it, for its own region.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { certificates } from "@/db/schema";
import { Decimal } from "@/lib/calc/decimal";
import { pilotDashboard } from "@/lib/dal/regulator-overview";
import { ForbiddenError } from "@/lib/errors";
import { parseCalculationBreakdown } from "@/lib/rules/stored-calculation";
import { z } from "@/lib/validation/zod";
import { actorFor, createIssuedCertificate } from "../support/certificate-fixtures";
import { createOrganization, createUser } from "../support/factories";
import { createPublishedCertificate } from "../support/pact";
import { certifiedCustomerUsing } from "../support/supply-fixtures";

describe("certified supplier data on the regulator's dashboard", () => {
  it("is the mean share of the footprints in force carried by certified supplier footprints", async () => {
    // A district of this test's own, so the filter isolates its certificates.
    const district = `5001${Date.now() % 100000}`;
    const supplier = await createPublishedCertificate();
    const customer = await certifiedCustomerUsing(supplier, { district });
    const plain = await createIssuedCertificate();
    await db.update(certificates).set({ district }).where(eq(certificates.id, plain.certificate.id));

    const [frozen] = await db.select({ snapshot: certificates.snapshot }).from(certificates).where(eq(certificates.id, customer.certificate.id));
    const snapshotLines = parseCalculationBreakdown(z.object({ inventory: z.object({ calculation: z.unknown() }) }).parse(frozen.snapshot).inventory.calculation).lines;
    const lineShare = snapshotLines.find((line) => line.lineId === customer.line.id)!.share;
    expect(Number(lineShare)).toBeGreaterThan(0);
    expect(Number(lineShare)).toBeLessThan(1);

    const regulator = await actorFor(await createUser("regulator"));
    const { supplierData } = await pilotDashboard(regulator, { district });
    expect(supplierData.certificates).toBe(2);
    expect(supplierData.resting).toBe(1);
    expect(supplierData.meanShare).toBe(new Decimal(lineShare).dividedBy(2).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6));

    // A suspended certificate is not in force: only the plain one is left.
    await db.update(certificates).set({ status: "suspended", version: 2 }).where(eq(certificates.id, customer.certificate.id));
    expect((await pilotDashboard(regulator, { district })).supplierData).toEqual({ certificates: 1, resting: 0, meanShare: "0.000000" });
  });

  it("counts only the regulator's own region and is refused to everyone else", async () => {
    const district = `5002${Date.now() % 100000}`;
    const supplier = await createPublishedCertificate();
    await certifiedCustomerUsing(supplier, { district });
    const elsewhere = await createOrganization("regulator", { region: "510000", district: null });
    const otherRegulator = await actorFor(await createUser("regulator", elsewhere.id));
    expect((await pilotDashboard(otherRegulator, { district })).supplierData).toEqual({ certificates: 0, resting: 0, meanShare: "0.000000" });
    for (const role of ["enterprise", "verifier"] as const) {
      await expect(pilotDashboard(await actorFor(await createUser(role)), { district })).rejects.toThrow(ForbiddenError);
    }
    await expect(pilotDashboard(await actorFor(supplier.enterpriseUser), {})).rejects.toThrow(ForbiddenError);
  });
});
