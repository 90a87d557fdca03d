import { expect, test, type Locator } from "@playwright/test";
import applications from "../lib/i18n/messages/en/applications.json";
import inventory from "../lib/i18n/messages/en/inventory.json";
import supply from "../lib/i18n/messages/en/supply.json";
import { en, openEnglishBrowser, signIn, useEnglish } from "./support";

/** The demo battery maker's cathode-material supplier (lib/seed/demo.ts), certified for its LFP cathode material. */
const SUPPLIER = "Chongqing Tongliang Cathode Materials Co.";
/** Its certified product, as the certificate names it (the fulfil form lists footprints by it). */
const SUPPLIER_PRODUCT = "磷酸铁锂正极材料";
const BODY = /Yutan Certification Centre/;
const CERTIFICATE_NUMBER = /CFP-[A-Z]{2}-\d{4}-[0-9A-Z]+/;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A catalog message with its placeholders filled in, as the page renders it. */
const fill = (message: string, values: Record<string, string>) => message.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

/** Picks the option of a select whose text contains `text` (option labels carry more than the text). */
async function chooseOption(select: Locator, text: string) {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  expect(value).toBeTruthy();
  await select.selectOption(value!);
}

test.describe("supply chain journey", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("the battery maker requests a footprint, the supplier answers from its inbox, the customer prices a line with it and sees the chain, the verifier sees the supplier certificate", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const suffix = Date.now().toString(36);
    const product = `LFP power pack E2E ${suffix}`;
    const material = `LFP cathode material ${suffix}`;
    const cathodeLine = `Cathode material from Tongliang ${suffix}`;

    // 1. The battery maker registers a pack and opens its application.
    await signIn(page, "battery@demo.carbonlabel.org");
    await page.getByRole("link", { name: en.enterprise.registerProduct }).click();
    await page.getByLabel(en.enterprise.nameZh).fill(`锂源测试电池包 ${suffix}`);
    await page.getByLabel(en.enterprise.nameEn).fill(product);
    await page.getByLabel(en.enterprise.model).fill("LY-E2E");
    await page.getByLabel(en.enterprise.category).selectOption("li_battery_power");
    await page.getByLabel(en.enterprise.hsCode).fill("85076000");
    await page.getByLabel(en.enterprise.site).fill("重庆市璧山区高新区");
    await page.getByLabel(en.enterprise.periodStart).fill("2025-01-01");
    await page.getByLabel(en.enterprise.periodEnd).fill("2025-12-31");
    await page.getByLabel(en.enterprise.productionVolume).fill("10000");
    await page.getByLabel(en.enterprise.markets.EU).check();
    await page.getByRole("button", { name: en.enterprise.registerProduct }).click();
    await expect(page).toHaveURL(/\/enterprise\/products\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: en.enterprise.openApplication }).click();
    await expect(page).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
    const applicationUrl = page.url();

    // Its cathode line, for now at a factor the supplier quoted by email, and the plant's electricity.
    const form = page.getByRole("form", { name: inventory.addLine });
    await form.getByLabel(inventory.stage).selectOption("raw_material");
    await form.getByLabel(inventory.description).fill(cathodeLine);
    await form.getByLabel(inventory.quantity).fill("22");
    await form.getByLabel(inventory.unit, { exact: true }).selectOption("t");
    await form.getByLabel(inventory.sources.supplier_factor, { exact: true }).check();
    await form.getByLabel(inventory.supplierFactorValue, { exact: true }).fill("9000");
    await form.getByLabel(inventory.supplierFactorUnit, { exact: true }).selectOption("t");
    await form.getByLabel(inventory.supplierName, { exact: true }).fill(SUPPLIER);
    await form.getByRole("button", { name: inventory.addLine }).click();
    await expect(page.getByRole("cell", { name: cathodeLine, exact: true })).toBeVisible();

    await form.getByLabel(inventory.stage).selectOption("production");
    await form.getByLabel(inventory.description).fill("Pack line electricity");
    await form.getByLabel(inventory.quantity).fill("100");
    await form.getByLabel(inventory.unit, { exact: true }).selectOption("MWh");
    await form.getByLabel(inventory.sources.database_factor, { exact: true }).check();
    await form.getByLabel(inventory.picker.query).fill("national average");
    await form.getByLabel(inventory.picker.year).selectOption("2024");
    await form.getByRole("button", { name: inventory.picker.search }).click();
    await form.getByRole("button", { name: /national average \(2024\)/ }).click();
    await form.getByRole("button", { name: inventory.addLine }).click();
    await expect(page.getByRole("cell", { name: "Pack line electricity", exact: true })).toBeVisible();

    // 2. It asks the supplier for the certified footprint of the material.
    await page.goto("/enterprise/supply");
    const requestForm = page.locator("form", { has: page.getByRole("button", { name: supply.form.send }) });
    await requestForm.getByLabel(supply.form.supplier, { exact: true }).selectOption({ label: SUPPLIER });
    await requestForm.getByLabel(supply.form.productName).fill(material);
    await requestForm.getByLabel(supply.form.productModel, { exact: true }).fill("TL-LFP-C1");
    await requestForm.getByLabel(supply.form.declaredUnit).selectOption("t");
    await requestForm.getByLabel(supply.form.quantityContext).fill("220 t a year");
    await requestForm.getByLabel(supply.form.message).fill("For the certification of our new pack.");
    await requestForm.getByRole("button", { name: supply.form.send }).click();
    await expect(page.getByText(supply.form.sent)).toBeVisible();
    const sent = page.getByTestId("supply-request").filter({ hasText: material });
    await expect(sent).toContainText(supply.status.pending);
    await expect(sent).toContainText(fill(supply.to, { name: SUPPLIER }));

    // 3. The supplier finds it in its inbox and answers with its certified footprint, sharing everything.
    const supplier = await openEnglishBrowser(browser);
    await signIn(supplier.page, "cathode@demo.carbonlabel.org");
    await supplier.page.goto("/enterprise/supply?direction=received");
    const received = supplier.page.getByTestId("supply-request").filter({ hasText: material });
    await expect(received).toContainText(supply.status.pending);
    await received.getByRole("button", { name: fill(supply.actions.fulfilLabel, { product: material }) }).click();
    const footprintSelect = received.getByLabel(supply.fulfil.footprint);
    await chooseOption(footprintSelect, SUPPLIER_PRODUCT);
    const certificateNumber = ((await footprintSelect.locator("option:checked").textContent()) ?? "").match(CERTIFICATE_NUMBER)?.[0];
    expect(certificateNumber).toBeTruthy();
    for (const field of Object.values(supply.fulfil.fields)) await expect(received.getByLabel(field)).toBeChecked();
    await received.getByRole("button", { name: supply.fulfil.submit }).click();
    await expect(received).toContainText(supply.status.fulfilled);
    await supplier.context.close();

    // 4. The battery maker prices its cathode line with the shared footprint.
    await page.goto("/enterprise/supply?direction=sent");
    const fulfilled = page.getByTestId("supply-request").filter({ hasText: material });
    await expect(fulfilled).toContainText(supply.status.fulfilled);
    await expect(fulfilled).toContainText(certificateNumber!);
    await chooseOption(fulfilled.getByLabel(supply.apply.line), cathodeLine);
    await fulfilled.getByRole("button", { name: supply.apply.submit }).click();
    await expect(fulfilled.getByRole("status")).toHaveText(supply.apply.applied);

    // 5. On its application the calculation shows the chain: the certified supplier line and its share.
    await page.goto(applicationUrl);
    await page.getByRole("button", { name: applications.calculation.calculate, exact: true }).click();
    await expect(page.getByTestId("footprint-result")).toBeVisible();
    await expect(page.getByText(applications.calculation.verifiedSupplierShare, { exact: true })).toBeVisible();
    const chain = page.getByTestId("supply-chain");
    await expect(chain.getByRole("heading", { name: supply.chain.title })).toBeVisible();
    const chainRow = chain.getByRole("row", { name: new RegExp(escape(cathodeLine)) });
    await expect(chainRow).toContainText(supply.chain.kinds.certified);
    await expect(chainRow.getByRole("link", { name: certificateNumber! })).toHaveAttribute("href", `/labels/${encodeURIComponent(certificateNumber!)}`);
    await expect(chainRow).toContainText(en.common.certificateStatus.valid);
    await expect(chainRow.getByRole("cell").last()).toHaveText(/\d+(\.\d)?%/);
    const summary = new RegExp(escape(supply.chain.summary).replace("\\{supplier\\}", "\\d+(\\.\\d)?%").replace("\\{verified\\}", "\\d+(\\.\\d)?%"));
    await expect(chain.getByText(summary)).toBeVisible();

    // It submits the application to the body.
    const body = page.getByLabel(applications.submit.body);
    const bodyValue = await body.locator("option", { hasText: BODY }).getAttribute("value");
    await body.selectOption(bodyValue!);
    await page.getByRole("button", { name: applications.submit.submit, exact: true }).click();
    await expect(page.getByText(en.common.applicationStatus.submitted).first()).toBeVisible();

    // 6. The verifier sees the line's supplier certificate and its status now, as evidence for that line.
    const verifier = await openEnglishBrowser(browser);
    await signIn(verifier.page, "verifier@demo.carbonlabel.org");
    await verifier.page.goto("/verifier?status=submitted");
    await verifier.page.getByRole("link", { name: product }).click();
    await expect(verifier.page.getByRole("heading", { level: 1, name: product })).toBeVisible();
    // The inventory table's row of the line (the chain table above names the line too).
    const statusNow = fill(en.verifier.supplierFootprint.statusNow, { status: en.common.certificateStatus.valid });
    const lineRow = verifier.page.getByRole("row", { name: new RegExp(escape(cathodeLine)) }).filter({ hasText: statusNow });
    await expect(lineRow).toHaveCount(1);
    await expect(lineRow).toContainText(en.verifier.supplierFootprint.certified);
    await expect(lineRow.getByRole("link", { name: certificateNumber! })).toBeVisible();
    const verifierChain = verifier.page.getByTestId("supply-chain");
    await expect(verifierChain.getByRole("row", { name: new RegExp(escape(cathodeLine)) })).toContainText(supply.chain.kinds.certified);
    await expect(verifier.page.getByText(en.verifier.verifiedSupplierShare, { exact: true })).toBeVisible();
    await verifier.context.close();
  });
});
