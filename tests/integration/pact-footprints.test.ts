/**
 * Certified applications as PACT ProductFootprints: published at issuance with the signed
 * credential, immutable (only the served status changes), deprecated when the certificate stops
 * being valid, replaced by a new id naming its predecessors on reinstatement and re-certification,
 * and backfilled at start-up for certificates issued before the PACT host existed.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, certificateCredentials, certificates, productFootprints } from "@/db/schema";
import { getPactFootprintsPage } from "@/lib/dal/pact/enterprise";
import { reinstateCertificate } from "@/lib/domain/certificates/reinstate-certificate";
import { suspendCertificate } from "@/lib/domain/certificates/suspend-certificate";
import { withdrawCertificate } from "@/lib/domain/certificates/withdraw-certificate";
import { issueMissingFootprints } from "@/lib/domain/footprints/issue-missing-footprints";
import { executeOperation } from "@/lib/domain/operation";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import type { ProductFootprint } from "@/lib/pact/footprint";
import { productFootprintProblems } from "@/lib/pact/validate";
import { systemActor } from "@/lib/policy";
import { actorFor, createIssuedCertificate } from "../support/certificate-fixtures";
import { createUser } from "../support/factories";
import { certifyRenewal, createPublishedCertificate, getFootprint, listFootprints, pactToken } from "../support/pact";

async function footprintsOf(certificateId: string) {
  return db.select().from(productFootprints).where(eq(productFootprints.certificateId, certificateId)).orderBy(productFootprints.createdAt);
}

async function served(token: string, id: string): Promise<ProductFootprint> {
  const response = await getFootprint(token, id);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: ProductFootprint };
  expect(productFootprintProblems(body.data)).toEqual([]);
  return body.data;
}

async function certificateVersion(id: string) {
  const [row] = await db.select({ version: certificates.version }).from(certificates).where(eq(certificates.id, id));
  return row.version;
}

describe("publication at issuance", () => {
  it("publishes the certificate as one footprint carrying its credential, in the same transaction as the approval", async () => {
    const { certificate, footprint, enterprise, body } = await createPublishedCertificate();
    const document = footprint.document as ProductFootprint;
    expect(productFootprintProblems(document)).toEqual([]);
    const [credential] = await db.select().from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificate.id));
    expect(document.extensions[0].data.credential.id).toBe(`data:application/vc+jwt,${credential.jws}`);
    expect(document).toMatchObject({
      status: "Active",
      companyIds: [`urn:pact:cods.org.cn:uscc:${enterprise.creditCode}`],
      pcf: {
        declaredUnitOfMeasurement: "piece",
        productMassPerDeclaredUnit: "1.6",
        fossilCarbonContent: "0.42",
        pcfExcludingBiogenicUptake: certificate.value,
        ipccCharacterizationFactors: ["AR6"],
        geographyCountrySubdivision: "CN-CQ",
        verification: { providerName: body.name, standardName: "CNCA-CFP-00:2025" },
      },
    });
    expect(footprint).toMatchObject({ organizationId: enterprise.id, deprecatedAt: null });
  });

  it("leaves a certificate unpublished when its product lacks what PACT asks for, and tells the enterprise why", async () => {
    const { certificate, enterpriseUser } = await createIssuedCertificate();
    expect(await footprintsOf(certificate.id)).toEqual([]);
    const page = await getPactFootprintsPage(await actorFor(enterpriseUser));
    expect(page.footprints).toEqual([]);
    expect(page.unpublished).toEqual([expect.objectContaining({ certificateNumber: certificate.number, gap: "productMass" })]);
  });
});

describe("the footprint's lifecycle", () => {
  it("is deprecated by a suspension and, on reinstatement, replaced by a new id naming it; neither document changes", async () => {
    const { certificate, footprint, enterpriseUser, reviewer } = await createPublishedCertificate();
    const { token } = await pactToken(enterpriseUser);
    const body = await actorFor(reviewer);

    await executeOperation(suspendCertificate, body, { certificateId: certificate.id, expectedVersion: await certificateVersion(certificate.id), reason: "Surveillance overdue." });
    const suspended = await served(token, footprint.id);
    expect(suspended.status).toBe("Deprecated");
    expect({ ...suspended, status: "Active" }).toEqual(footprint.document);

    const reinstated = await executeOperation(reinstateCertificate, body, { certificateId: certificate.id, expectedVersion: await certificateVersion(certificate.id), reason: "Surveillance done." });
    expect(reinstated).toMatchObject({ ok: true });
    const rows = await footprintsOf(certificate.id);
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(first).toMatchObject({ id: footprint.id, deprecationReason: "suspended", document: footprint.document });
    expect(second).toMatchObject({ deprecatedAt: null });
    const fresh = await served(token, second.id);
    expect(fresh).toMatchObject({ status: "Active", precedingPfIds: [footprint.id], pcf: { pcfExcludingBiogenicUptake: certificate.value } });
    // A Deprecated footprint stays Deprecated (PACT: it never changes again).
    expect((await served(token, footprint.id)).status).toBe("Deprecated");

    await executeOperation(withdrawCertificate, body, { certificateId: certificate.id, expectedVersion: await certificateVersion(certificate.id), reason: "Label misused." });
    expect((await served(token, second.id)).status).toBe("Deprecated");
    expect((await footprintsOf(certificate.id)).map((row) => row.deprecationReason)).toEqual(["suspended", "withdrawn"]);
  });

  it("is Deprecated once the certificate expires by date, before any job stores the expiry", async () => {
    const { certificate, footprint, enterpriseUser } = await createPublishedCertificate();
    await db.update(certificates).set({ expiresOn: "2020-01-01" }).where(eq(certificates.id, certificate.id));
    const { token } = await pactToken(enterpriseUser);
    expect((await served(token, footprint.id)).status).toBe("Deprecated");
    const response = await listFootprints(token, "?status=Active");
    expect((await response.json()).data).toEqual([]);
  });

  it("is superseded by the renewal's footprint on re-certification: a new id, precedingPfIds, the old one Deprecated", async () => {
    const setup = await createPublishedCertificate();
    const renewed = await certifyRenewal(setup);
    expect(renewed.previousCertificateId).toBe(setup.certificate.id);
    const [renewal] = await footprintsOf(renewed.id);
    const { token } = await pactToken(setup.enterpriseUser);
    expect(await served(token, renewal.id)).toMatchObject({ status: "Active", precedingPfIds: [setup.footprint.id] });
    expect(await served(token, setup.footprint.id)).toMatchObject({ status: "Deprecated" });
    expect((await footprintsOf(setup.certificate.id))[0].deprecationReason).toBe("recertified");
    // The same product across versions: a productId filter finds both.
    const productId = (renewal.document as ProductFootprint).productIds[0];
    const listed = await (await listFootprints(token, `?productId=${encodeURIComponent(productId)}`)).json();
    expect(listed.data.map((footprint: ProductFootprint) => [footprint.id, footprint.status])).toEqual([
      [renewal.id, "Active"],
      [setup.footprint.id, "Deprecated"],
    ]);
  });
});

describe("issueMissingFootprints (start-up backfill)", () => {
  it("publishes signed certificates that have no footprint, audited, and no longer valid ones Deprecated", async () => {
    const valid = await createPublishedCertificate();
    const withdrawn = await createPublishedCertificate();
    await executeOperation(withdrawCertificate, await actorFor(withdrawn.reviewer), { certificateId: withdrawn.certificate.id, expectedVersion: 1, reason: "Misuse." });
    // As on a database from before the PACT host.
    for (const setup of [valid, withdrawn]) await db.delete(productFootprints).where(eq(productFootprints.certificateId, setup.certificate.id));

    const outcome = await executeOperation(issueMissingFootprints, systemActor("footprint-backfill"), {});
    expect(outcome).toMatchObject({ ok: true });
    const [published] = await footprintsOf(valid.certificate.id);
    const [deprecated] = await footprintsOf(withdrawn.certificate.id);
    expect(published).toMatchObject({ deprecatedAt: null });
    expect(deprecated).toMatchObject({ deprecationReason: "withdrawn" });
    expect(productFootprintProblems(published.document)).toEqual([]);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "footprint.publish"), eq(auditEvents.entityId, published.id))).orderBy(auditEvents.id);
    expect(event).toMatchObject({ certificateId: valid.certificate.id, actorRole: null });

    // Nothing is published twice.
    await executeOperation(issueMissingFootprints, systemActor("footprint-backfill"), {});
    expect(await footprintsOf(valid.certificate.id)).toHaveLength(1);
  });

  it("is the platform's alone: people and anonymous callers are refused and nothing is published", async () => {
    const setup = await createPublishedCertificate();
    await db.delete(productFootprints).where(eq(productFootprints.certificateId, setup.certificate.id));
    for (const role of ["enterprise", "reviewer", "regulator", "admin"] as const) {
      const outcome = await executeOperation(issueMissingFootprints, await actorFor(await createUser(role)), {});
      expect(outcome).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    }
    expect(await executeOperation(issueMissingFootprints, null, {})).toMatchObject({ ok: false, error: expect.any(UnauthenticatedError) });
    expect(await footprintsOf(setup.certificate.id)).toEqual([]);
  });
});
