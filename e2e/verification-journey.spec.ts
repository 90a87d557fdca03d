import { expect, test, type Page } from "@playwright/test";
import applicationsCatalog from "../lib/i18n/messages/en/applications.json";
import findingsCatalog from "../lib/i18n/messages/en/findings.json";
import notificationsCatalog from "../lib/i18n/messages/en/notifications.json";
import { en, signIn, signOut, useEnglish } from "./support";

const PRODUCT = "Yuxin UltraSlim 14-inch laptop";
const BODY = /Yutan Certification Centre/;
const v = en.verifier;

/** The enterprise's application page of the demo laptop, from its product page. */
async function openEnterpriseApplication(page: Page) {
  await page.goto("/enterprise");
  await page.getByRole("link", { name: PRODUCT }).first().click();
  await page.getByRole("link", { name: en.enterprise.goToApplication }).click();
  await expect(page).toHaveURL(/\/enterprise\/applications\//);
}

async function calculateAndSubmit(page: Page) {
  await page.getByRole("button", { name: applicationsCatalog.calculation.calculate }).click();
  await expect(page.getByRole("button", { name: applicationsCatalog.calculation.calculate })).toBeEnabled();
  const body = page.getByLabel(applicationsCatalog.submit.body);
  const value = await body.locator("option", { hasText: BODY }).getAttribute("value");
  await body.selectOption(value!);
  await page.getByRole("button", { name: applicationsCatalog.submit.submit, exact: true }).click();
  await expect(page.getByText(en.common.applicationStatus.submitted).first()).toBeVisible();
}

async function openFromQueue(page: Page) {
  await page.goto("/verifier");
  await page.getByRole("link", { name: PRODUCT }).click();
  await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();
}

/** A <details> section by its summary text. */
function section(page: Page, summary: string) {
  return page.locator("details", { has: page.locator(`summary:text-is("${summary}")`) });
}

test.describe("verification journey", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("enterprise submits, verifier reviews with a finding, enterprise answers and resubmits, reviewer approves", async ({ page }) => {
    test.setTimeout(240_000);
    page.on("dialog", (dialog) => void dialog.accept());

    // 认证委托: the laptop maker entrusts 渝碳认证中心.
    await signIn(page, "laptop@demo.carbonlabel.org");
    await openEnterpriseApplication(page);
    const applicationUrl = page.url();
    await calculateAndSubmit(page);
    await signOut(page);

    // 受理 and 认证策划 by the lead verifier.
    await signIn(page, "verifier@demo.carbonlabel.org");
    await page.goto("/verifier?status=submitted");
    await expect(page.getByRole("link", { name: PRODUCT })).toBeVisible();
    await openFromQueue(page);
    await page.getByRole("button", { name: v.accept, exact: true }).click();
    const lead = page.getByLabel(v.leadVerifier);
    await expect(lead).toBeVisible();
    const leadValue = await lead.locator("option", { hasText: "王磊" }).getAttribute("value");
    await lead.selectOption(leadValue!);
    await page.getByLabel(v.plannedDocumentReviewOn).fill("2026-12-01");
    await page.getByLabel(v.plannedOnSiteOn).fill("2026-12-08");
    await page.getByRole("button", { name: v.savePlan }).click();
    await expect(page.getByText(v.reviewStages.document_review).first()).toBeVisible();

    // 文件评审: a major nonconformity on the application as a whole, then send back.
    const raise = section(page, v.raiseFinding);
    await raise.locator("summary").click();
    await raise.getByLabel(findingsCatalog.severity).selectOption("major");
    await raise.getByLabel(findingsCatalog.text).fill("Provide the electricity allocation basis between products.");
    await raise.getByRole("button", { name: v.raiseFinding }).click();
    await expect(page.getByText("Provide the electricity allocation basis between products.")).toBeVisible();
    await page.getByRole("button", { name: v.requestChanges }).click();
    await expect(page.getByText(v.waitingForEnterprise)).toBeVisible();
    await signOut(page);

    // The enterprise sees the open finding, answers it and resubmits.
    await signIn(page, "laptop@demo.carbonlabel.org");
    await expect(page.getByRole("link", { name: /Notifications: \d+ unread/ })).toBeVisible();
    await page.goto(applicationUrl);
    await expect(page.getByText("Provide the electricity allocation basis between products.")).toBeVisible();
    await page.getByLabel(findingsCatalog.yourAnswer).fill("Allocated by assembly hours: 40 % of the plant's electricity.");
    await page.getByRole("button", { name: findingsCatalog.saveAnswer }).click();
    await expect(page.getByText(findingsCatalog.answerSaved)).toBeVisible();
    await calculateAndSubmit(page);
    await signOut(page);

    // The verifier sees what changed, closes the finding, verifies every line and recommends.
    await signIn(page, "verifier@demo.carbonlabel.org");
    await openFromQueue(page);
    await expect(page.getByRole("heading", { name: /Changes since round 1/ })).toBeVisible();
    await page.getByRole("button", { name: v.accept, exact: true }).click();
    await page.getByRole("button", { name: findingsCatalog.close }).click();
    await expect(page.getByText(findingsCatalog.statuses.closed).first()).toBeVisible();
    const verifyButtons = page.getByRole("button", { name: new RegExp(`^${v.verifyLine}:`) });
    await expect(verifyButtons.first()).toBeVisible();
    const total = await verifyButtons.count();
    for (let remaining = total; remaining > 0; remaining--) {
      await verifyButtons.first().click();
      await expect(verifyButtons).toHaveCount(remaining - 1);
    }
    await page.getByLabel(v.statement).fill("Inventory complete and traceable to invoices and meter readings; allocation basis justified; footprint verified.");
    await page.getByRole("button", { name: v.recommend }).click();
    await expect(page.getByText(en.common.applicationStatus.awaiting_decision).first()).toBeVisible();
    // The lead verifier is not the one who decides.
    await expect(page.getByRole("button", { name: v.decide })).toHaveCount(0);
    await signOut(page);

    // 认证结果评价与批准 by the body's reviewer.
    await signIn(page, "reviewer@demo.carbonlabel.org");
    await openFromQueue(page);
    await page.getByLabel(v.decision).selectOption("approve");
    // Approving confirms the grade and benchmark the certificate will carry (graded or not).
    await page.getByRole("checkbox", { name: /^I confirm/ }).check();
    await page.getByRole("button", { name: v.decide }).click();
    await expect(page.getByText(en.common.applicationStatus.certified).first()).toBeVisible();
    await signOut(page);

    // The enterprise is told, and its application is certified.
    await signIn(page, "laptop@demo.carbonlabel.org");
    await page.goto("/notifications");
    await expect(page.getByRole("heading", { level: 1, name: notificationsCatalog.ui.title })).toBeVisible();
    await expect(page.getByText(/has been issued for Yuxin UltraSlim 14-inch laptop/)).toBeVisible();
    await page.getByRole("button", { name: notificationsCatalog.ui.markAllRead }).click();
    await expect(page.getByRole("link", { name: notificationsCatalog.ui.bell, exact: true })).toBeVisible();
    await page.goto(applicationUrl);
    await expect(page.getByText(en.common.applicationStatus.certified).first()).toBeVisible();
  });

  test("the queue filters by stage and another body sees nothing of body 1", async ({ page }) => {
    await signIn(page, "verifier2@demo.carbonlabel.org");
    await expect(page.getByRole("heading", { level: 1, name: v.queueTitle })).toBeVisible();
    await expect(page.getByRole("link", { name: PRODUCT })).toHaveCount(0);
    await page.getByLabel(v.stage).selectOption("in_review");
    await page.getByRole("button", { name: en.common.filter }).click();
    await expect(page).toHaveURL(/status=in_review/);
    await expect(page.getByText(v.queueNoMatch)).toBeVisible();
  });
});
