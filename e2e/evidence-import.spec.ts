import { createHash } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import enEvidence from "../lib/i18n/messages/en/evidence.json";
import enImport from "../lib/i18n/messages/en/import.json";
import { en, onePagePdf, signIn, useEnglish } from "./support";

const PRODUCT = "Yuxin Business 16-inch laptop";

/** The demo's second laptop: its own application, so other journeys' inventories stay untouched. */
async function openApplication(page: Page) {
  await page.goto("/enterprise");
  await page.getByRole("link", { name: PRODUCT }).first().click();
  await expect(page).toHaveURL(/\/enterprise\/products\//);
  const existing = page.locator('a[href^="/enterprise/applications/"]');
  if (await existing.count()) await existing.first().click();
  else await page.getByRole("button", { name: en.enterprise.openApplication }).click();
  await expect(page).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
}

const HEADER = "stage,description,quantity,unit,source,factor_key,supplier_factor_value,supplier_factor_unit,supplier_name,gas,data_type,dqr_technological,dqr_geographical,dqr_temporal,allocation_share,emission_category";
const GOOD_ROWS = [
  "production,Assembly line electricity,120,MWh,database_factor,cn.electricity.national.2024,,,,,primary,2,2,1,0.25,fossil",
  "use,Charging over the service life,300,kWh,database_factor,cn.electricity.national.2024,,,,,secondary,3,3,3,1,fossil",
];
const BAD_ROW = "end_of_life,Recycling transport,40,kg,database_factor,cn.electricity.national.2024,,,,,secondary,3,3,3,1,fossil";
const FIXED_ROW = "end_of_life,Refrigerant recovery loss,0.1,kg,direct_gas,,,,,HFC-134a,secondary,3,3,3,1,fossil";

function csv(rows: string[]) {
  return { name: "inventory.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...rows].join("\n") + "\n") };
}

test.describe("evidence and inventory import", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("download the template, import with an error, fix and import, attach a PDF and see its SHA-256", async ({ page }) => {
    await signIn(page, "laptop@demo.carbonlabel.org");
    await openApplication(page);

    const [template] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: enImport.templateCsv }).click()]);
    expect(template.suggestedFilename()).toBe("inventory-template.csv");
    const templateText = fs.readFileSync((await template.path())!, "utf8");
    expect(templateText.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe(HEADER);

    const fileInput = page.getByLabel(enImport.file);
    await fileInput.setInputFiles(csv([...GOOD_ROWS, BAD_ROW]));
    await page.getByRole("button", { name: enImport.import, exact: true }).click();
    await expect(page.getByText(enImport.errorsTitle)).toBeVisible();
    const errorRows = page.locator("table").filter({ hasText: enImport.problem }).locator("tbody tr");
    await expect(errorRows).toHaveCount(1);
    // Each cell also carries its column heading for the phone card layout (hidden at this width).
    await expect(errorRows.locator("td")).toHaveText(["4", "unit", "kg cannot be converted into the factor's unit kWh."], { useInnerText: true });

    await fileInput.setInputFiles(csv([...GOOD_ROWS, FIXED_ROW]));
    await page.getByRole("button", { name: enImport.import, exact: true }).click();
    await expect(page.getByText("Imported 3 lines.")).toBeVisible();
    await expect(page.getByText("Refrigerant recovery loss").first()).toBeVisible();

    const pdf = onePagePdf();
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    await page.getByLabel(enEvidence.chooseFile).first().setInputFiles({ name: "electricity-bill-2025.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: enEvidence.upload, exact: true }).first().click();
    await expect(page.getByText(sha256, { exact: false }).first()).toBeVisible();
    const hash = page.locator(`code[data-sha256="${sha256}"]`);
    await expect(hash).toHaveAttribute("title", sha256);

    const [evidence] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: enEvidence.downloadNamed.replace("{name}", "electricity-bill-2025.pdf") }).click(),
    ]);
    expect(evidence.suggestedFilename()).toBe("electricity-bill-2025.pdf");
    expect(createHash("sha256").update(fs.readFileSync((await evidence.path())!)).digest("hex")).toBe(sha256);

    // A file whose content is not one of the five types is refused next to the field.
    await page.getByLabel(enEvidence.chooseFile).first().setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>not a pdf</html>") });
    await page.getByRole("button", { name: enEvidence.upload, exact: true }).first().click();
    await expect(page.getByText(enEvidence.errors.type)).toBeVisible();
  });

  test("attaches evidence of 15 MB (the proxy no longer cuts it short) and refuses 21 MB next to the field", async ({ page }) => {
    await signIn(page, "laptop@demo.carbonlabel.org");
    await openApplication(page);
    const large = onePagePdf(15 * 1024 * 1024);
    const sha256 = createHash("sha256").update(large).digest("hex");
    await page.getByLabel(enEvidence.chooseFile).first().setInputFiles({ name: "meter-readings-2025.pdf", mimeType: "application/pdf", buffer: large });
    await page.getByRole("button", { name: enEvidence.upload, exact: true }).first().click();
    await expect(page.locator(`code[data-sha256="${sha256}"]`)).toBeVisible({ timeout: 60_000 });

    await page.getByLabel(enEvidence.chooseFile).first().setInputFiles({ name: "too-large.pdf", mimeType: "application/pdf", buffer: onePagePdf(21 * 1024 * 1024) });
    await page.getByRole("button", { name: enEvidence.upload, exact: true }).first().click();
    await expect(page.getByText(enEvidence.errors.tooLarge.replace("{maximum}", "20"))).toBeVisible();
  });
});
