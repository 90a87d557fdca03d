import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import applications from "../lib/i18n/messages/en/applications.json";
import batteryDeclaration from "../lib/i18n/messages/en/batteryDeclaration.json";
import common from "../lib/i18n/messages/en/common.json";
import reports from "../lib/i18n/messages/en/reports.json";
import scenarios from "../lib/i18n/messages/en/scenarios.json";
import type { BatteryDeclarationDocument } from "../lib/certificates/battery-declaration-data";
import { batteryPassErrors } from "../tests/support/battery-pass-schema";
import { pdfPages } from "../tests/support/pdf-text";
import { signIn, useEnglish } from "./support";

/** The demo storage battery (lib/seed/demo.ts): a cradle-to-grave draft with data in every stage. */
const PRODUCT = "Energy storage battery cabinet 215 kWh";
const form = batteryDeclaration.form;

async function download(page: Page, linkName: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync((await file.path())!)) };
}

test.describe("reports and declarations", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("the battery enterprise calculates, downloads its study report, enters the EU declaration data and downloads the declaration", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "battery@demo.carbonlabel.org");
    // The home page lists the product and its application: open the application.
    await page.locator('a[href^="/enterprise/applications/"]', { hasText: PRODUCT }).click();
    await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();

    // Before a calculation there is neither a study report nor a declaration.
    await expect(page.getByText(reports.studyReport.notCalculated)).toBeVisible();
    await expect(page.getByText(batteryDeclaration.status.notEntered)).toBeVisible();
    await page.getByRole("button", { name: applications.calculation.calculate, exact: true }).click();
    await expect(page.getByTestId("footprint-result")).toBeVisible();
    const fullPrecision = (await page.getByText(`${applications.calculation.fullPrecision}:`).textContent())!.split(":")[1].trim();

    // The study report, read back: its sections and the calculated figure.
    const report = await download(page, reports.studyReport.download);
    expect(report.name).toBe("LY-ESS215-study-report.pdf");
    const reportText = (await pdfPages(report.bytes)).join("\n");
    expect(reportText).toContain("Product Carbon Footprint Study Report");
    expect(reportText).toContain("9 敏感性分析");
    expect(reportText).toContain(fullPrecision);

    // The declaration data; a wrong value is refused next to its field and nothing typed is lost.
    await page.getByLabel(form.batteryModel).fill("LY-ESS215-CAB");
    await page.getByLabel(form.batteryCategory).selectOption("industrial");
    await page.getByLabel(form.ratedEnergy).fill("1.5");
    await page.getByLabel(form.declarationOfConformityId).fill("EU-DoC-LY-ESS-2026-004");
    await page.getByLabel(form.plantName).fill("Bishan battery plant");
    await page.getByLabel(form.plantAddress).fill("Bishan Hi-tech Zone, Chongqing, China");
    await page.getByLabel(form.plantLatitude).fill("29.5925");
    await page.getByLabel(form.plantLongitude).fill("106.2270");
    await page.getByLabel(form.serviceLifeBasis).selectOption("years");
    await page.getByLabel(form.serviceLifeYears).fill("15");
    await page.getByLabel(form.annualEnergyThroughput).fill("62000");
    await page.getByLabel(form.studyUrl).fill("https://liyuan.example.cn/pcf/LY-ESS215");
    await page.getByRole("button", { name: form.save }).click();
    await expect(page.getByText(batteryDeclaration.validation.industrialTooSmall)).toBeVisible();
    await expect(page.getByLabel(form.plantName)).toHaveValue("Bishan battery plant");
    await page.getByLabel(form.ratedEnergy).fill("215");
    await page.getByRole("button", { name: form.save }).click();
    await expect(page.getByText(form.saved)).toBeVisible();

    // The declaration can now be made, with the inventory's stages mapped onto Annex II.
    await expect(page.getByText(batteryDeclaration.status.ready)).toBeVisible();
    const mapping = page.getByRole("table", { name: batteryDeclaration.status.mappingTitle });
    await expect(mapping.getByRole("row", { name: new RegExp(`Use ${batteryDeclaration.status.excluded.replace(/[()]/g, "\\$&")}`) })).toBeVisible();
    await expect(mapping.getByRole("row", { name: /End of life End of life and recycling/ })).toBeVisible();

    const json = await download(page, batteryDeclaration.status.downloadJson);
    const document = JSON.parse(Buffer.from(json.bytes).toString("utf8")) as BatteryDeclarationDocument;
    expect(batteryPassErrors(document.carbonFootprint)).toEqual([]);
    expect(document.declaration.expectedServiceLife).toMatchObject({ basis: "years", years: 15, annualEnergyThroughputKwh: 62000, totalEnergyKwh: 930000 });
    expect(document.carbonFootprint.carbonFootprintStudy).toBe("https://liyuan.example.cn/pcf/LY-ESS215");

    const pdf = await download(page, batteryDeclaration.status.downloadPdf);
    expect(pdf.name).toBe("LY-ESS215-CAB-eu-battery-declaration.pdf");
    const declarationText = (await pdfPages(pdf.bytes)).join("\n");
    expect(declarationText).toContain("Battery Carbon Footprint Declaration");
    expect(declarationText).toContain("EU-DoC-LY-ESS-2026-004");
    expect(declarationText).toContain("930000 kWh");

    // A what-if reduction scenario: the pack line on photovoltaic power instead of the grid.
    await page.getByRole("link", { name: scenarios.link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: scenarios.title })).toBeVisible();
    const name = `Rooftop PV ${Date.now()}`;
    await page.getByLabel(scenarios.create.name).fill(name);
    await page.getByRole("button", { name: scenarios.create.submit }).click();
    const card = page.getByTestId("scenario-card").filter({ has: page.getByRole("heading", { name }) });
    await expect(card).toBeVisible();
    await card.getByLabel(scenarios.change.line).selectOption({ label: `${common.stages.production} · PACK 与系统集成产线用电` });
    await card.getByLabel(scenarios.change.kind, { exact: true }).selectOption("replace_factor");
    await card.getByLabel(scenarios.change.factor).selectOption({ label: "Electricity carbon footprint factor - photovoltaic power (2024) · 0.052 kg CO₂e/kWh" });
    await card.getByRole("button", { name: scenarios.change.submit }).click();
    await expect(card.getByText(scenarios.change.saved)).toBeVisible();
    await expect(card.getByText(/Factor → Electricity carbon footprint factor - photovoltaic power \(2024\)/)).toBeVisible();
    // Side by side with the current footprint: lower, in the table and the chart; the production stage carries the change.
    const row = page.getByRole("table", { name: scenarios.comparison.title }).getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("-");
    await expect(page.getByTestId("scenario-chart")).toBeVisible();
    await expect(card.getByRole("table", { name: scenarios.scenario.byStage }).getByRole("row", { name: new RegExp(`^${common.stages.production} .*-`) })).toBeVisible();
    // The inventory itself is untouched: the application still shows the footprint calculated above.
    await page.getByRole("link", { name: scenarios.back }).click();
    await expect(page.getByText(`${applications.calculation.fullPrecision}: ${fullPrecision}`)).toBeVisible();
  });
});
