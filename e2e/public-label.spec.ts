import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import labelsCatalog from "../lib/i18n/messages/en/labels.json";
import registryCatalog from "../lib/i18n/messages/en/registry.json";
import { useEnglish } from "./support";

const p = labelsCatalog.public;
const PHONE = { width: 390, height: 844 };

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test.describe("public verification page on a phone", () => {
  test.use({ viewport: PHONE });
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("a demo certificate shows every section, fits 390 px, passes axe, and its JSON carries the same facts", async ({ page, request }) => {
    // A graded certificate in force: other specs suspend the newest one, and a category without a benchmark has no grade to mark.
    await page.goto("/registry?status=valid&maxGrade=5");
    await expect(page.getByRole("heading", { level: 1, name: registryCatalog.title })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    const number = (await page.getByRole("link", { name: /^CFP-/ }).first().textContent())!.trim();

    await page.goto(`/labels/${number}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(p.statusNow.valid);
    for (const section of Object.values(p.sections)) {
      await expect(page.getByRole("heading", { level: 2, name: section, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("img", { name: p.labelAlt.replace("{number}", number) })).toBeVisible();
    await expect(page.getByText(p.standardName)).toBeVisible();
    await expect(page.getByRole("table")).toContainText(p.total);
    await expect(page.getByRole("listitem").filter({ hasText: p.thisProduct })).toHaveCount(1);
    for (const format of [p.downloadSvg, p.downloadPng, p.downloadPdf]) await expect(page.getByRole("link", { name: format })).toHaveCount(2);

    // Nothing wider than the phone: no sideways scrolling of the page itself.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);

    const json = await request.get(`/labels/${number}`, { headers: { accept: "application/json" } });
    expect(json.status()).toBe(200);
    const facts = await json.json();
    expect(facts).toMatchObject({ genuine: true, number, status: "valid", standard: "GB/T 24067-2024", certificationScheme: "CNCA-CFP-00:2025" });
    expect(facts.credential.id).toMatch(/^data:application\/vc\+jwt,/);
    await expect(page.getByText(facts.holder.unifiedSocialCreditCode)).toBeVisible();

    const pdf = await request.get(`/api/certificates/${number}/label?format=pdf&lang=en`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  });
});
