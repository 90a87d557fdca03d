import { expect, test } from "@playwright/test";
import auditCatalog from "../lib/i18n/messages/en/audit.json";
import factorsCatalog from "../lib/i18n/messages/en/factors.json";
import { en, signIn, useEnglish } from "./support";

const t = { ...en, audit: auditCatalog, factors: factorsCatalog };

/** "Page 1 of 3 · 52 results" as the shared pager writes it. */
const position = /Page \d+ of \d+ · \d+ results?/;

test.describe("long lists (issue 17)", () => {
  test.beforeEach(async ({ context }) => {
    await useEnglish(context);
  });

  test("the regulator searches the factors on the server, with a linkable page and the forms on their own pages", async ({ page }) => {
    await signIn(page, "bureau@demo.carbonlabel.org");
    await page.goto("/regulator/factors");
    await expect(page.getByRole("navigation", { name: t.factors.pagination })).toContainText(position);
    await page.getByLabel(t.factors.searchText).fill("electricity");
    await page.getByRole("button", { name: t.factors.search }).click();
    await expect(page).toHaveURL(/[?&]q=electricity/);
    const results = page.getByRole("table", { name: t.factors.results });
    await expect(results.getByRole("row").nth(1)).toContainText(/electricity/i);
    // Opening a key keeps the search it was found with.
    await results.getByRole("row").nth(1).getByRole("link").click();
    await expect(page).toHaveURL(/[?&]q=electricity.*[?&]?key=/);
    await page.getByRole("link", { name: t.factors.importLink }).click();
    await expect(page).toHaveURL(/\/regulator\/factors\/import$/);
    await expect(page.getByRole("heading", { level: 1, name: t.factors.importTitle })).toBeVisible();
    await page.getByRole("link", { name: t.factors.backToFactors }).click();
    await expect(page).toHaveURL(/\/regulator\/factors$/);
  });

  test("the regulator filters the audit trail by an organization's name, suggested from the trail", async ({ page }) => {
    await signIn(page, "bureau@demo.carbonlabel.org");
    await page.goto("/regulator/audit");
    const name = "重庆渝新电脑制造有限公司";
    await expect(page.locator(`#audit-organization-names option[value="${name}"]`)).toHaveCount(1);
    await page.getByLabel(t.audit.filter.organizationName).fill(name);
    await page.getByRole("button", { name: t.audit.apply }).click();
    await expect(page).toHaveURL(/[?&]organizationName=/);
    const events = page.getByRole("table", { name: t.audit.events });
    await expect(events.getByRole("row").nth(1)).toContainText(name);

    await page.getByLabel(t.audit.filter.organizationName).fill("No such organization Ltd.");
    await page.getByRole("button", { name: t.audit.apply }).click();
    await expect(page.getByText(t.audit.filter.unknownOrganization)).toBeVisible();
    await expect(page.getByLabel(t.audit.filter.organizationName)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(t.audit.noEvents)).toBeVisible();
  });

  test("the operator finds a user by email in the paged user list", async ({ page }) => {
    await signIn(page, "admin@demo.carbonlabel.org");
    await page.getByLabel(t.admin.userSearch.text).fill("verifier@demo.carbonlabel.org");
    await page.getByRole("button", { name: t.common.search }).click();
    await expect(page).toHaveURL(/\/admin\?q=verifier%40demo/);
    await expect(page.getByRole("row").filter({ hasText: "verifier@demo.carbonlabel.org" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: t.admin.userSearch.pagination })).toContainText("Page 1 of 1 · 1 result");

    await page.getByLabel(t.admin.userSearch.text).fill("nobody-at-all@example.invalid");
    await page.getByRole("button", { name: t.common.search }).click();
    await expect(page.getByText(t.admin.userSearch.none)).toBeVisible();
  });
});
