import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import labelsCatalog from "../lib/i18n/messages/en/labels.json";
import navCatalog from "../lib/i18n/messages/en/nav.json";
import zhLabelsCatalog from "../lib/i18n/messages/zh-CN/labels.json";
import registryCatalog from "../lib/i18n/messages/en/registry.json";
import { signIn, useEnglish } from "./support";

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

    // Sent without scripts: nothing for the phone to download, parse or run but HTML and a stylesheet.
    await page.goto(`/labels/${number}`);
    expect(await page.locator("script").count()).toBe(0);
    // The phone's menu is a disclosure the browser opens itself; its language choice is a link to the page in Chinese.
    const menu = page.getByRole("navigation", { name: navCatalog.menu });
    await expect(menu).toBeHidden();
    await page.locator("summary").click();
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "page");
    await menu.getByRole("link", { name: "中文" }).click();
    await expect(page).toHaveURL(new RegExp(`/zh-CN/labels/${number}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(zhLabelsCatalog.public.statusNow.valid);
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe("public registry without scripts", () => {
  test("a visitor who is not signed in gets it as HTML alone: the search form, the language choice and the router's page for a signed-in one", async ({ page, context }) => {
    await useEnglish(context);
    await page.goto("/registry");
    await expect(page.getByRole("heading", { level: 1, name: registryCatalog.title })).toBeVisible();
    expect(await page.locator("script").count()).toBe(0);

    // The search is a GET form: its choices land in the address, and the results follow them.
    await page.getByLabel(registryCatalog.status).selectOption("valid");
    await page.getByLabel(registryCatalog.sort).selectOption("grade");
    await page.getByRole("button", { name: registryCatalog.search }).click();
    await expect(page).toHaveURL(/\/registry\?(?=.*status=valid)(?=.*sort=grade)/);
    await expect(page.getByLabel(registryCatalog.status)).toHaveValue("valid");
    expect(await axeViolations(page)).toEqual([]);

    // The language choice remembers Chinese and comes back to the same search.
    const search = new URL(page.url()).search;
    await page.getByRole("group", { name: navCatalog.language }).getByRole("link", { name: "中文" }).click();
    await page.waitForURL((url) => url.pathname === "/registry" && url.search === search);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    expect((await context.cookies()).find((cookie) => cookie.name === "NEXT_LOCALE")?.value).toBe("zh-CN");
    await expect(page.getByRole("link", { name: "English" }).first()).toBeAttached();
  });

  test("a signed-in visitor gets the router's page, with their own header", async ({ page, context }) => {
    await useEnglish(context);
    await signIn(page, "laptop@demo.carbonlabel.org");
    await page.goto("/registry");
    await expect(page.getByRole("heading", { level: 1, name: registryCatalog.title })).toBeVisible();
    expect(await page.locator("script").count()).toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: /^CFP-/ }).first()).toBeVisible();
  });
});
