import { expect, test } from "@playwright/test";
import applications from "../lib/i18n/messages/en/applications.json";
import inventory from "../lib/i18n/messages/en/inventory.json";
import { en, signIn, toastRegion, useEnglish } from "./support";

const t = { applications, inventory, enterprise: en.enterprise, common: en.common };

test.describe("enterprise journey", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("register a product, collect data, calculate, submit to a body and withdraw", async ({ page }) => {
    const suffix = Date.now().toString(36);
    await signIn(page, "laptop@demo.carbonlabel.org");
    await expect(page.getByRole("heading", { level: 1, name: t.enterprise.homeTitle })).toBeVisible();

    // 1. Register a product.
    await page.getByRole("link", { name: t.enterprise.registerProduct }).click();
    await page.getByLabel(t.enterprise.nameZh).fill(`渝新测试笔记本 ${suffix}`);
    await page.getByLabel(t.enterprise.nameEn).fill(`Yuxin test laptop ${suffix}`);
    await page.getByLabel(t.enterprise.model).fill("YX-E2E");
    await page.getByLabel(t.enterprise.category).selectOption("laptop");
    await page.getByLabel(t.enterprise.hsCode).fill("84713000");
    await page.getByLabel(t.enterprise.site).fill("重庆市沙坪坝区");
    await page.getByLabel(t.enterprise.periodStart).fill("2025-01-01");
    await page.getByLabel(t.enterprise.periodEnd).fill("2024-12-31");
    await page.getByLabel(t.enterprise.productionVolume).fill("10000");
    await page.getByLabel(t.enterprise.markets.EU).check();
    await page.getByRole("button", { name: t.enterprise.registerProduct }).click();
    // A reversed period is refused next to the field, and nothing typed is lost.
    await expect(page.getByText(t.enterprise.validation.periodOrder)).toBeVisible();
    await expect(page.getByLabel(t.enterprise.model)).toHaveValue("YX-E2E");
    await page.getByLabel(t.enterprise.periodEnd).fill("2025-12-31");
    await page.getByRole("button", { name: t.enterprise.registerProduct }).click();
    await expect(page).toHaveURL(/\/enterprise\/products\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: `Yuxin test laptop ${suffix}` })).toBeVisible();

    // 2. Open an application.
    await page.getByRole("button", { name: t.enterprise.openApplication }).click();
    await expect(page).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("navigation", { name: t.applications.steps.label })).toBeVisible();
    await expect(page.getByText(t.applications.missing.noLines)).toBeVisible();

    // 3. A line with a database factor: 250 MWh of plant electricity at allocation 0.4, typed in kWh
    //    with thousands separators as people write it.
    const form = page.getByRole("form", { name: t.inventory.addLine });
    await form.getByLabel(t.inventory.stage).selectOption("production");
    await form.getByLabel(t.inventory.description).fill("Plant electricity");
    await form.getByLabel(t.inventory.quantity).fill("250,000");
    await form.getByLabel(t.inventory.unit, { exact: true }).selectOption("kWh");
    await form.getByLabel(t.inventory.allocationShare).fill("0.4");
    await form.getByLabel(t.inventory.picker.query).fill("national average");
    await form.getByLabel(t.inventory.picker.year).selectOption("2024");
    await form.getByRole("button", { name: t.inventory.picker.search }).click();
    await form.getByRole("button", { name: /national average \(2024\)/ }).click();
    await expect(form.getByTestId("selected-factor")).toContainText("0.5777 kg CO₂e/kWh");
    await form.getByRole("button", { name: t.inventory.addLine }).click();
    await expect(page.getByRole("cell", { name: "Plant electricity", exact: true })).toBeVisible();
    // "Line added" is a toast that goes away by itself, not a line left above the next entry,
    // and the factor search starts empty for the next line.
    const lineAdded = toastRegion(page).getByText(t.inventory.lineAdded);
    await expect(lineAdded).toBeVisible();
    await expect(form.getByText(t.inventory.lineAdded)).toHaveCount(0);
    await expect(form.getByLabel(t.inventory.picker.query)).toHaveValue("");
    await expect(lineAdded).toBeHidden({ timeout: 15_000 });

    // 4. A direct gas line: 2 kg of HFC-134a in raw materials.
    await form.getByLabel(t.inventory.stage).selectOption("raw_material");
    await form.getByLabel(t.inventory.description).fill("Refrigerant HFC-134a");
    await form.getByLabel(t.inventory.quantity).fill("2");
    await form.getByLabel(t.inventory.unit, { exact: true }).selectOption("kg");
    await form.getByLabel(t.inventory.sources.direct_gas).check();
    await form.getByLabel(t.inventory.gas).selectOption("HFC-134a");
    await form.getByRole("button", { name: t.inventory.addLine }).click();
    await expect(page.getByRole("cell", { name: "Refrigerant HFC-134a", exact: true })).toBeVisible();
    await expect(page.getByText(t.applications.submit.complete)).toBeVisible();

    // 5. Calculate: (250 000 kWh × 0.4 × 0.5777 + 2 kg × 1530) / 10 000 = 6.083 kg CO2e per piece.
    await page.getByRole("button", { name: t.applications.calculation.calculate, exact: true }).click();
    await expect(page.getByTestId("footprint-result")).toContainText("6.08");
    await expect(page.getByTestId("footprint-chart").first()).toBeVisible();
    const byStage = page.getByRole("table", { name: t.applications.calculation.byStage });
    await expect(byStage.getByRole("row", { name: /Production 5\.777/ })).toBeVisible();
    await expect(byStage.getByRole("row", { name: /Raw material acquisition 0\.306/ })).toBeVisible();
    await expect(page.getByText("cn.electricity.national.2024")).toBeVisible();

    // 6. Submit to 渝碳认证中心 (Yutan Certification Centre).
    await page.getByLabel(t.applications.submit.body).selectOption({ label: "Yutan Certification Centre (CNCA-R-2025-101)" });
    await page.getByRole("button", { name: t.applications.submit.submit }).click();
    await expect(page.getByText(t.common.applicationStatus.submitted, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(t.inventory.descriptionFrozen)).toBeVisible();
    await expect(page.getByRole("heading", { name: t.applications.submit.history })).toBeVisible();

    // 7. Withdraw before the body accepts.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: t.applications.submit.withdraw }).click();
    await expect(page.getByText(t.common.applicationStatus.draft, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("form", { name: t.inventory.addLine })).toBeVisible();
  });
});
