/**
 * Certified customers stay linked (issue 14, item 5): a customer certificate whose footprint rests
 * on a supplier certificate that is suspended, withdrawn or expired lists it — on the holder's
 * certificate list, its certified application page and the regulator's certificate view — with
 * the supplier certificate's number (linking to its public label). Nobody else sees the row.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { certificates } from "@/db/schema";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { certificateOfApplication, listManagedCertificates, listOwnCertificates } from "@/lib/dal/certificates";
import { UnauthenticatedError } from "@/lib/errors";
import { actorFor } from "../support/certificate-fixtures";
import { createOrganization, createUser } from "../support/factories";
import { createPublishedCertificate } from "../support/pact";
import { certifiedCustomerUsing } from "../support/supply-fixtures";

/** A province no other test certifies in, so the regulator's first page holds the customer's certificate. */
const REGION = "320000";

async function regulatorOf(region: string) {
  const office = await createOrganization("regulator", { region, district: null });
  return actorFor(await createUser("regulator", office.id));
}

describe("supplier dependencies of certified customers", () => {
  it("lists a suspended, then withdrawn or expired supplier certificate on the holder's and the regulator's views", async () => {
    const supplier = await createPublishedCertificate();
    const customer = await certifiedCustomerUsing(supplier, { region: REGION });
    const regulator = await regulatorOf(REGION);
    const holderRow = async () => (await listOwnCertificates(customer.customerActor)).find((row) => row.id === customer.certificate.id)!;
    const regulatorRow = async () => (await listManagedCertificates(regulator, "all", 1)).rows.find((row) => row.id === customer.certificate.id);

    expect((await holderRow()).supplierDependencies).toEqual([]);
    expect((await regulatorRow())?.supplierDependencies).toEqual([]);
    expect((await certificateOfApplication(customer.application.id))?.supplierDependencies).toEqual([]);

    await db.update(certificates).set({ status: "suspended", version: 2 }).where(eq(certificates.id, supplier.certificate.id));
    const suspended = [{ number: supplier.certificate.number, change: "suspended" }];
    expect((await holderRow()).supplierDependencies).toEqual(suspended);
    expect((await regulatorRow())?.supplierDependencies).toEqual(suspended);
    expect((await certificateOfApplication(customer.application.id))?.supplierDependencies).toEqual(suspended);

    await db.update(certificates).set({ status: "withdrawn", version: 3 }).where(eq(certificates.id, supplier.certificate.id));
    expect((await holderRow()).supplierDependencies).toEqual([{ number: supplier.certificate.number, change: "withdrawn" }]);

    // Reinstated: nothing to list. Then past its validity: expired, before any job marked it.
    await db.update(certificates).set({ status: "valid", version: 4 }).where(eq(certificates.id, supplier.certificate.id));
    expect((await holderRow()).supplierDependencies).toEqual([]);
    await db.update(certificates).set({ expiresOn: addDays(todayInShanghai(), -1) }).where(eq(certificates.id, supplier.certificate.id));
    expect((await regulatorRow())?.supplierDependencies).toEqual([{ number: supplier.certificate.number, change: "expired" }]);
    // The customer's own certificate is untouched by its supplier's status.
    expect((await holderRow()).status).toBe("valid");
  });

  it("shows the row to nobody else: another enterprise, another region's regulator, anonymous", async () => {
    const supplier = await createPublishedCertificate();
    const customer = await certifiedCustomerUsing(supplier, { region: REGION });
    await db.update(certificates).set({ status: "withdrawn", version: 2 }).where(eq(certificates.id, supplier.certificate.id));

    const stranger = await actorFor(await createUser("enterprise"));
    expect((await listOwnCertificates(stranger)).some((row) => row.id === customer.certificate.id)).toBe(false);
    // The supplier sees its own certificate, not its customer's.
    const supplierRows = await listOwnCertificates(await actorFor(supplier.enterpriseUser));
    expect(supplierRows.some((row) => row.id === customer.certificate.id)).toBe(false);
    const elsewhere = await regulatorOf("510000");
    expect((await listManagedCertificates(elsewhere, "all", 1)).rows.some((row) => row.id === customer.certificate.id)).toBe(false);
    await expect(listOwnCertificates(null as never)).rejects.toThrow(UnauthenticatedError);
  });
});
