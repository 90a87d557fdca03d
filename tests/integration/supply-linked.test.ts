/**
 * Staying linked (issue 14, item 5): a supplier certificate's change flags every customer line
 * priced with it, once per change (a retried job flags and notifies nothing more); a flagged draft
 * cannot be submitted until the line is updated or confirmed; only the platform flags.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, certificates, notifications, supplierFootprintFlags, supplyRequests } from "@/db/schema";
import { submitApplicationAction } from "@/lib/actions/applications/submit";
import { confirmSupplierFootprintAction } from "@/lib/actions/inventory/confirm-supplier-footprint";
import { listInventoryPage } from "@/lib/dal/enterprise-application";
import { applySupplierFootprint } from "@/lib/domain/inventory/apply-supplier-footprint";
import { executeOperation } from "@/lib/domain/operation";
import { flagApplicationsDependingOn } from "@/lib/domain/supply-requests/flag-applications-depending-on";
import { flagChangedSupplierCertificates } from "@/lib/domain/supply-requests/flag-changed-supplier-certificates";
import { ForbiddenError } from "@/lib/errors";
import { systemActor } from "@/lib/policy";
import { actorFor } from "../support/certificate-fixtures";
import { withTemporaryDataDir } from "../support/evidence-files";
import { actAs, createOrganization, createUser } from "../support/factories";
import { certifyRenewal, createPublishedCertificate } from "../support/pact";
import { fulfilledSupplyRequest } from "../support/supply-fixtures";

withTemporaryDataDir();

async function customerUsing(supplier: Awaited<ReturnType<typeof createPublishedCertificate>>) {
  const { customer, customerActor, draft, line, requestId } = await fulfilledSupplyRequest(supplier, { description: "Casings", quantity: "100", supplierName: "x" }, ["verification"]);
  const applied = await executeOperation(applySupplierFootprint, customerActor, { requestId, applicationId: draft.id, lineId: line.id });
  if (!applied.ok) throw applied.error;
  return { customer, customerActor, draft, line, requestId };
}

describe("flagApplicationsDependingOn", () => {
  it("flags each dependent line once per change, audits and notifies each customer once, and blocks the draft's submission until confirmed", async () => {
    const supplier = await createPublishedCertificate();
    const first = await customerUsing(supplier);
    const second = await customerUsing(supplier);
    await db.update(certificates).set({ status: "suspended", version: 2 }).where(eq(certificates.id, supplier.certificate.id));
    const input = { certificateId: supplier.certificate.id, change: "suspended" as const };
    expect(await executeOperation(flagApplicationsDependingOn, systemActor("test"), input)).toMatchObject({ ok: true, data: { flagged: 2, applications: 2 } });
    // The job retried: nothing more.
    expect(await executeOperation(flagApplicationsDependingOn, systemActor("test"), input)).toMatchObject({ ok: true, data: { flagged: 0, applications: 0 } });
    const flags = await db.select().from(supplierFootprintFlags).where(eq(supplierFootprintFlags.certificateId, supplier.certificate.id));
    expect(flags.map((flag) => flag.lineId).sort()).toEqual([first.line.id, second.line.id].sort());
    expect(flags[0]).toMatchObject({ change: "suspended", applicationStatus: "draft", resolvedAt: null });
    const notes = await db.select().from(notifications).where(and(eq(notifications.organizationId, first.customer.organizationId), eq(notifications.kind, "supply.dependency.suspended")));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ applicationId: first.draft.id });
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "supplierFootprint.flag"), eq(auditEvents.entityId, first.draft.id))).orderBy(auditEvents.id);
    expect(events).toHaveLength(1);

    const inventory = await listInventoryPage(first.customerActor, first.draft.id, 1);
    expect(inventory.rows.find((row) => row.line.id === first.line.id)?.supplierChanges).toEqual(["suspended"]);
    // A draft resting on the suspended certificate cannot be submitted …
    const body = await createOrganization("verification_body");
    actAs(first.customer);
    expect(await submitApplicationAction({ applicationId: first.draft.id, verificationBodyId: body.id })).toMatchObject({ ok: false, message: "supply.errors.flaggedLines" });
    // … until the customer confirms the line (or updates it).
    expect(await confirmSupplierFootprintAction({ applicationId: first.draft.id, lineId: first.line.id })).toMatchObject({ ok: true });
    expect(await confirmSupplierFootprintAction({ applicationId: first.draft.id, lineId: first.line.id })).toMatchObject({ ok: false, message: "supply.errors.nothingToConfirm" });
    actAs(null);
    const [resolved] = await db.select().from(supplierFootprintFlags).where(eq(supplierFootprintFlags.lineId, first.line.id));
    expect(resolved.resolvedBy).toBe(first.customer.id);

    // A later change (withdrawn) is a new change: flagged again.
    await db.update(certificates).set({ status: "withdrawn", version: 3 }).where(eq(certificates.id, supplier.certificate.id));
    expect(await executeOperation(flagApplicationsDependingOn, systemActor("test"), { certificateId: supplier.certificate.id, change: "withdrawn" })).toMatchObject({
      ok: true,
      data: { flagged: 2 },
    });
  });

  it("is the platform's alone, and a certificate nobody uses flags nothing", async () => {
    const supplier = await createPublishedCertificate();
    const { customerActor, requestId } = await customerUsing(supplier);
    for (const actor of [customerActor, await actorFor(supplier.enterpriseUser), await actorFor(await createUser("regulator"))]) {
      expect(await executeOperation(flagApplicationsDependingOn, actor, { certificateId: supplier.certificate.id, change: "withdrawn" })).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    }
    expect(await db.select().from(supplierFootprintFlags).where(eq(supplierFootprintFlags.certificateId, supplier.certificate.id))).toEqual([]);
    const unused = await createPublishedCertificate();
    expect(await executeOperation(flagApplicationsDependingOn, systemActor("test"), { certificateId: unused.certificate.id, change: "expired" })).toMatchObject({ ok: true, data: { flagged: 0 } });
    expect(requestId).toBeTruthy();
    expect((await db.select().from(supplyRequests).where(eq(supplyRequests.id, requestId)))[0].status).toBe("fulfilled");
  });

  it("is run by the job's sweep: a certificate suspended after customers used it is flagged once, however often the sweep runs", async () => {
    const supplier = await createPublishedCertificate();
    const { line } = await customerUsing(supplier);
    const job = systemActor("supplier-footprint-flags");
    const flagsOfLine = () => db.select({ change: supplierFootprintFlags.change }).from(supplierFootprintFlags).where(eq(supplierFootprintFlags.lineId, line.id));
    expect(await executeOperation(flagChangedSupplierCertificates, job, undefined)).toMatchObject({ ok: true });
    expect(await flagsOfLine()).toEqual([]);

    await db.update(certificates).set({ status: "suspended", version: 2 }).where(eq(certificates.id, supplier.certificate.id));
    expect(await executeOperation(flagChangedSupplierCertificates, job, undefined)).toMatchObject({ ok: true });
    expect(await executeOperation(flagChangedSupplierCertificates, job, undefined)).toMatchObject({ ok: true });
    expect(await flagsOfLine()).toEqual([{ change: "suspended" }]);
    expect(await executeOperation(flagChangedSupplierCertificates, await actorFor(supplier.enterpriseUser), undefined)).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
  });

  it("flags a certificate superseded by its re-certification once, however often the sweep runs and whatever later versions it gets", async () => {
    const supplier = await createPublishedCertificate();
    const { customer, draft, line } = await customerUsing(supplier);
    const job = systemActor("supplier-footprint-flags");
    const flagsOfLine = () => db.select({ change: supplierFootprintFlags.change }).from(supplierFootprintFlags).where(eq(supplierFootprintFlags.lineId, line.id)).orderBy(supplierFootprintFlags.createdAt);
    const supersededNotices = () =>
      db.select().from(notifications).where(and(eq(notifications.organizationId, customer.organizationId), eq(notifications.kind, "supply.dependency.superseded")));

    const renewal = await certifyRenewal(supplier);
    expect(renewal.previousCertificateId).toBe(supplier.certificate.id);
    // The old certificate is still valid: only its being renewed is the change.
    expect((await db.select().from(certificates).where(eq(certificates.id, supplier.certificate.id)))[0].status).toBe("valid");
    expect(await executeOperation(flagChangedSupplierCertificates, job, undefined)).toMatchObject({ ok: true, data: { flagged: 1 } });
    expect(await executeOperation(flagChangedSupplierCertificates, job, undefined)).toMatchObject({ ok: true, data: { flagged: 0 } });
    expect(await flagsOfLine()).toEqual([{ change: "superseded" }]);
    expect(await supersededNotices()).toHaveLength(1);
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "supplierFootprint.flag"), eq(auditEvents.entityId, draft.id))).orderBy(auditEvents.id);
    expect(audits.map((event) => (event.data as { change: string }).change)).toEqual(["superseded"]);

    // A later version of the old certificate (it expires) is another change, but not a second supersession.
    await db.update(certificates).set({ status: "expired", version: supplier.certificate.version + 1 }).where(eq(certificates.id, supplier.certificate.id));
    await executeOperation(flagChangedSupplierCertificates, job, undefined);
    await executeOperation(flagChangedSupplierCertificates, job, undefined);
    expect(await flagsOfLine()).toEqual([{ change: "superseded" }, { change: "expired" }]);
    expect(await supersededNotices()).toHaveLength(1);
  });
});
