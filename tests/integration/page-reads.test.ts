/**
 * The reads behind the pages: what each viewer may do comes from the policy
 * (the pages render buttons from it and nothing else), and reference names
 * come from the tables.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, productCategories } from "@/db/schema";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { listManagedCertificates, listOwnCertificates } from "@/lib/dal/certificates";
import { getRegistryPage } from "@/lib/dal/public-certificates";
import { getRegulatorDashboard } from "@/lib/dal/regulator-overview";
import { loadSiteHeader } from "@/lib/dal/site-header";
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { createApplicationAwaitingDecision, createCategory, createIssuedCertificate } from "../support/certificate-fixtures";
import { actAs, createOrganization, createUser } from "../support/factories";
import { createEntrustedApplication, createVerificationParties } from "../support/verification-fixtures";

async function asCurrent(user: Parameters<typeof actAs>[0]): Promise<CurrentUser> {
  actAs(user);
  const current = await getCurrentUser();
  if (!current) throw new Error("no session");
  return current;
}

describe("what the pages offer, from the policy", () => {
  it("lists each certificate with what its viewer may do: the body, the region's regulator, the holder", async () => {
    const { certificate, verifier, enterpriseUser, enterprise } = await createIssuedCertificate();
    const bureau = await createOrganization("regulator", { region: enterprise.region, district: null });
    const regulator = await createUser("regulator", bureau.id);

    const asBody = (await listManagedCertificates(await asCurrent(verifier), "all", 1)).rows.find((row) => row.id === certificate.id);
    expect(asBody?.permitted.sort()).toEqual([
      "certificate.download",
      "certificate.exportPact",
      "certificate.read",
      "certificate.recordSurveillance",
      "certificate.suspend",
      "certificate.withdraw",
    ]);
    // The region's regulator sees every certificate of the region, other test files' too: look on every page.
    const regulatorUser = await asCurrent(regulator);
    let asRegulator;
    for (let page = 1, pages = 1; page <= pages && !asRegulator; page += 1) {
      const list = await listManagedCertificates(regulatorUser, "all", page);
      pages = list.pages;
      asRegulator = list.rows.find((row) => row.id === certificate.id);
    }
    expect(asRegulator?.permitted.sort()).toEqual(["certificate.download", "certificate.read", "certificate.suspend", "certificate.withdraw"]);
    const asHolder = (await listOwnCertificates(await asCurrent(enterpriseUser))).find((row) => row.id === certificate.id);
    expect(asHolder?.permitted.sort()).toEqual(["certificate.download", "certificate.exportPact", "certificate.read", "certificate.recertify"]);
  });

  it("offers the body's staff on an entrusted application exactly what its status and their role allow", async () => {
    const { body, verifier, reviewer, enterpriseUser } = await createVerificationParties();
    const submitted = await createEntrustedApplication(enterpriseUser, body.id, { status: "submitted" });
    const view = await loadVerifierApplication(await asCurrent(verifier), submitted.id);
    expect([...view!.permitted].sort()).toEqual([
      "application.accept",
      "application.batteryDeclaration",
      "application.decline",
      "application.read",
      "application.studyReport",
      "conflict.declare",
      "evidence.download",
    ]);
    expect(view!.mayDecide).toMatchObject({ allowed: false, reason: "forbidden" });

    const inReview = await createEntrustedApplication(enterpriseUser, body.id, { status: "in_review", leadVerifierId: verifier.id });
    const reviewing = await loadVerifierApplication(await asCurrent(verifier), inReview.id);
    expect([...reviewing!.permitted]).toEqual(
      expect.arrayContaining([
        "application.recordInspection",
        "line.verify",
        "finding.raise",
        "finding.close",
        "application.requestChanges",
        "application.recommend",
      ]),
    );
    for (const notNow of ["application.accept", "application.plan", "application.decide", "inventory.edit", "application.submit"] as const) {
      expect(reviewing!.permitted.has(notNow)).toBe(false);
    }
    // The reviewer works the application but does not verify lines.
    expect((await loadVerifierApplication(await asCurrent(reviewer), inReview.id))!.permitted.has("line.verify")).toBe(false);
  });

  it("tells the lead verifier, and only them, why they may not decide", async () => {
    const { application, reviewer, body } = await createApplicationAwaitingDecision();
    const other = await loadVerifierApplication(await asCurrent(reviewer), application.id);
    expect(other!.mayDecide).toEqual({ allowed: true });
    expect(other!.permitted.has("application.decide")).toBe(true);

    const leadReviewer = await createUser("reviewer", body.id);
    await db.update(applications).set({ leadVerifierId: leadReviewer.id }).where(eq(applications.id, application.id));
    const lead = await loadVerifierApplication(await asCurrent(leadReviewer), application.id);
    expect(lead!.mayDecide).toMatchObject({ allowed: false, reason: "forbidden", message: "verifier.errors.leadCannotDecide" });
    expect(lead!.permitted.has("application.decide")).toBe(false);
  });

  it("gives the header the signed-in user's area, and nothing for a visitor", async () => {
    const { reviewer } = await createVerificationParties();
    await asCurrent(reviewer);
    expect(await loadSiteHeader()).toMatchObject({ area: "verifier", user: { role: "reviewer" }, unreadNotifications: 0 });
    actAs(null);
    expect(await loadSiteHeader()).toEqual({ user: null, area: null, unreadNotifications: 0, emailVerified: true });
  });
});

describe("reference names, from the tables", () => {
  it("names categories on the dashboard and in the registry as the product_categories table holds them", async () => {
    const categoryId = await createCategory();
    await db.update(productCategories).set({ nameEn: "Renamed in the table", nameZh: "表中改名" }).where(eq(productCategories.id, categoryId));
    const bureau = await createOrganization("regulator");
    const dashboard = await getRegulatorDashboard(await asCurrent(await createUser("regulator", bureau.id)), {});
    expect(dashboard.categories).toContainEqual({ id: categoryId, nameZh: "表中改名", nameEn: "Renamed in the table" });
    expect((await getRegistryPage({ page: 1 })).categories).toContainEqual({ id: categoryId, nameZh: "表中改名", nameEn: "Renamed in the table" });
  });
});
