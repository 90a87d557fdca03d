import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as applicationReportGET } from "@/app/api/applications/[id]/study-report/route";
import { GET as certificateReportGET } from "@/app/api/certificates/[number]/study-report/route";
import { db } from "@/db";
import { applications, calculations, certificateStudyReports, organizations, products } from "@/db/schema";
import { bilingualReportStrings } from "@/lib/certificates/bilingual-strings";
import { renderStudyReportPdf, reportFigure } from "@/lib/certificates/study-report-pdf";
import { calculateApplication } from "@/lib/domain/applications/calculate-application";
import { executeOperation } from "@/lib/domain/operation";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { publicLabelUrl } from "@/lib/rules/artifact-data";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { certificateStudyReportData } from "@/lib/rules/study-report";
import { actorFor, createIssuedCertificate } from "../support/certificate-fixtures";
import { actAs, createApplication, createOrganization, createUser } from "../support/factories";
import { addRefrigerantLine } from "../support/enterprise-cast";
import { pdfPages } from "../support/pdf-text";
import { createEntrustedApplication, createVerificationParties } from "../support/verification-fixtures";

type TestUser = Awaited<ReturnType<typeof createUser>>;

async function applicationReport(user: TestUser | null, id: string, lang = "en") {
  actAs(user);
  return applicationReportGET(new Request(`http://localhost/api/applications/${id}/study-report?lang=${lang}`), { params: Promise.resolve({ id }) });
}

async function certificateReport(user: TestUser | null, number: string) {
  actAs(user);
  return certificateReportGET(new Request(`http://localhost/api/certificates/${number}/study-report`), { params: Promise.resolve({ number }) });
}

async function bytesOf(response: Response): Promise<Uint8Array> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return new Uint8Array(await response.arrayBuffer());
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("CFP study report of an application", () => {
  it("is refused to the owner until the current inventory is calculated, with the reason", async () => {
    const enterprise = await createOrganization("enterprise");
    const owner = await createUser("enterprise", enterprise.id);
    const application = await createApplication(enterprise.id);
    await addRefrigerantLine(application.id);

    const before = await applicationReport(owner, application.id);
    expect(before.status).toBe(409);
    expect(await before.json()).toEqual({
      error: "reports.errors.notCalculated",
      message: "There is no calculated footprint of the current inventory: calculate it first.",
    });

    const calculated = await executeOperation(calculateApplication, await actorFor(owner), { applicationId: application.id });
    if (!calculated.ok) throw calculated.error;
    const text = (await pdfPages(await bytesOf(await applicationReport(owner, application.id)))).join("\n");
    const [stored] = await db.select().from(calculations).where(eq(calculations.id, calculated.data.calculationId));
    // The figures read back are the stored calculation's.
    expect(text).toContain(stored.result);
    expect(text).toContain(reportFigure(stored.result));
    expect(text).toContain(stored.dataQuality);
    expect(text).toContain("尚未核查");

    // A change to the inventory makes the calculation stale: no report of a footprint that no longer holds.
    await addRefrigerantLine(application.id);
    await db.update(applications).set({ inventoryRevision: sql`${applications.inventoryRevision} + 1` }).where(eq(applications.id, application.id));
    const stale = await applicationReport(owner, application.id, "zh-CN");
    expect(stale.status).toBe(409);
    expect((await stale.json()).message).toBe("当前清单尚无计算结果，请先计算碳足迹。");
  });

  it("serves the entrusted body the submitted round, and refuses everyone else", async () => {
    const { body, verifier, reviewer, enterpriseUser } = await createVerificationParties();
    const application = await createEntrustedApplication(enterpriseUser, body.id, { status: "in_review", leadVerifierId: verifier.id });
    for (const user of [verifier, reviewer, enterpriseUser]) {
      const text = (await pdfPages(await bytesOf(await applicationReport(user, application.id)))).join("\n");
      expect(text).toContain("Submission round 1 of");
    }

    const otherBody = await createOrganization("verification_body");
    const refusals: [TestUser | null, number][] = [
      [await createUser("enterprise"), 404],
      [await createUser("verifier", otherBody.id), 404],
      [await createUser("regulator"), 403],
      [await createUser("admin"), 403],
      [null, 401],
    ];
    for (const [user, status] of refusals) {
      const response = await applicationReport(user, application.id);
      expect({ role: user?.role ?? "anonymous", status: response.status }).toEqual({ role: user?.role ?? "anonymous", status });
    }
    expect((await applicationReport(verifier, "not-a-uuid")).status).toBe(404);
  });
});

describe("CFP study report of a certificate", () => {
  it("is rendered once at issuance, recorded in the snapshot by its digest, and served byte for byte", async () => {
    const { certificate, application, enterpriseUser, reviewer } = await createIssuedCertificate();
    const [stored] = await db.select().from(certificateStudyReports).where(eq(certificateStudyReports.certificateId, certificate.id));
    const snapshot = certificate.snapshot as CertificateSnapshot;
    expect(snapshot.studyReport).toEqual({ factors: expect.any(Array), sha256: stored.sha256, sizeBytes: stored.pdf.byteLength });
    expect(sha256(stored.pdf)).toBe(stored.sha256);

    // The exact inputs kept in the snapshot regenerate the very same bytes.
    const regenerated = await renderStudyReportPdf(
      certificateStudyReportData(snapshot, snapshot.studyReport!.factors, publicLabelUrl(platformBaseUrl(), certificate.number)),
      bilingualReportStrings(),
    );
    expect(sha256(regenerated)).toBe(stored.sha256);

    // Later edits of what it names do not reach it: the certificate serves the frozen bytes.
    await db.update(organizations).set({ nameEn: "Renamed after issuance" }).where(eq(organizations.id, enterpriseUser.organizationId));
    await db.update(products).set({ nameEn: "Renamed after issuance" }).where(eq(products.id, application.productId));
    const fromCertificate = await certificateReport(enterpriseUser, certificate.number);
    expect(fromCertificate.headers.get("x-content-sha256")).toBe(stored.sha256);
    const served = await bytesOf(fromCertificate);
    expect(sha256(served)).toBe(stored.sha256);
    expect(sha256(await bytesOf(await applicationReport(enterpriseUser, application.id)))).toBe(stored.sha256);
    expect(sha256(await bytesOf(await certificateReport(reviewer, certificate.number)))).toBe(stored.sha256);

    const text = (await pdfPages(served)).join("\n");
    expect(text).not.toContain("Renamed after issuance");
    expect(text).toContain(certificate.value);
    expect(text).toContain(certificate.number);
    expect(text).toContain("The footprint is stated fairly, in accordance with GB/T 24067-2024.");
    for (const value of Object.values(snapshot.inventory.calculation.byStage)) expect(text).toContain(reportFigure(value!));
  });

  it("is the certificate's: another enterprise, another region's regulator and anonymous get nothing", async () => {
    const { certificate } = await createIssuedCertificate();
    const regionalRegulator = await createUser("regulator", (await createOrganization("regulator", { region: certificate.region })).id);
    expect((await certificateReport(regionalRegulator, certificate.number)).status).toBe(200);
    for (const [user, status] of [
      [await createUser("enterprise"), 404],
      [await createUser("regulator", (await createOrganization("regulator", { region: "510000" })).id), 404],
      [await createUser("admin"), 403],
      [null, 401],
    ] as const) {
      expect((await certificateReport(user, certificate.number)).status).toBe(status);
    }
  });
});
