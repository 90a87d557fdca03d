import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import certificatesCatalog from "../lib/i18n/messages/en/certificates.json";
import labelsCatalog from "../lib/i18n/messages/en/labels.json";
import { qrPath } from "../lib/certificates/label-svg";
import { en, signIn, signOut, useEnglish } from "./support";

const PRODUCT = "LFP power battery pack 280 Ah";
const v = en.verifier;
const c = certificatesCatalog;
const publicStatus = labelsCatalog.public.statusNow;

/** The demo battery pack awaits the decision (db/seed/demo-workflow.ts): the body's reviewer approves it in the UI. */
async function certifyBatteryPack(page: Page) {
  await signIn(page, "reviewer@demo.carbonlabel.org");
  await page.getByRole("link", { name: PRODUCT }).click();
  await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();
  await page.getByLabel(v.decision).selectOption("approve");
  // Approving confirms the grade and benchmark the certificate will carry (graded or not).
  await page.getByRole("checkbox", { name: /^I confirm/ }).check();
  await page.getByRole("button", { name: v.decide }).click();
  await expect(page.getByText(en.common.applicationStatus.certified).first()).toBeVisible();
  await signOut(page);
}

/** Opens the Download menu of certificate `number` and downloads its link named `linkName`; the menu closes again. */
async function download(page: Page, number: string, linkName: string) {
  const menuButton = page.getByRole("button", { name: `${c.download} ${number}`, exact: true });
  await menuButton.click();
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName, exact: true }).click()]);
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

test.describe("labels and certificates", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("approval issues a certificate whose QR link shows its live status, and a suspension shows at once", async ({ page, browser }) => {
    test.setTimeout(240_000);
    await certifyBatteryPack(page);

    // The enterprise finds its certificate with downloads.
    await signIn(page, "battery@demo.carbonlabel.org");
    await expect(page.getByRole("heading", { name: c.enterpriseTitle })).toBeVisible();
    const numberLink = page.getByRole("link", { name: /^CFP-CQ-\d{4}-[2-9A-Z]{6}$/ });
    await expect(numberLink).toBeVisible();
    const number = (await numberLink.textContent())!.trim();
    await expect(page.getByText(/\d+ days left/)).toBeVisible();

    const pdf = await download(page, number, c.certificatePdf.replace("{lang}", c.langEn));
    expect(pdf.name).toBe(`${number}-certificate-en.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    const svg = await download(page, number, c.labelSvg.replace("{lang}", c.langZh));
    expect(svg.name).toBe(`${number}-label-zh-CN.svg`);
    const label = svg.bytes.toString("utf8");
    const qrUrl = /data-qr-url="([^"]+)"/.exec(label)![1];
    expect(qrUrl).toMatch(new RegExp(`/labels/${number}$`));
    // The printed QR modules encode exactly that link.
    expect(label).toContain(`d="${qrPath(qrUrl).d}"`);
    await signOut(page);

    // Anyone scanning the label: no session at all.
    const visitor = await browser.newContext({ locale: "en-US" });
    const publicPage = await visitor.newPage();
    const response = await publicPage.goto(qrUrl);
    expect(response?.status()).toBe(200);
    await expect(publicPage.getByText(labelsCatalog.public.genuine)).toBeVisible();
    await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(new RegExp(publicStatus.valid));
    await expect(publicPage.getByText(PRODUCT)).toBeVisible();
    await expect(publicPage.getByText("Chongqing Liyuan Battery Technology Co.")).toBeVisible();
    await expect(publicPage.getByText(/meter readings/)).toHaveCount(0);

    // The JSON form of the same address.
    const json = await visitor.request.get(qrUrl, { headers: { Accept: "application/json" } });
    expect(await json.json()).toMatchObject({ genuine: true, number, status: "valid" });

    // An unknown number tells nothing.
    const unknown = await publicPage.goto(qrUrl.replace(number, "CFP-CQ-2026-222222"));
    expect(unknown?.status()).toBe(404);
    await expect(publicPage.getByRole("heading", { name: labelsCatalog.public.notFoundTitle })).toBeVisible();

    // The regulator suspends it.
    await signIn(page, "bureau@demo.carbonlabel.org");
    await page.getByRole("link", { name: en.nav.certificates }).first().click();
    await expect(page).toHaveURL(/\/regulator\/certificates/);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: number }) });
    // One Download menu per certificate, by keyboard: Enter opens it, the arrow keys reach its links,
    // Escape closes it and gives the focus back to its button.
    const menuButton = row.getByRole("button", { name: `${c.download} ${number}`, exact: true });
    const firstDownload = row.getByRole("link", { name: c.certificatePdf.replace("{lang}", c.langZh), exact: true });
    await expect(firstDownload).toBeHidden();
    await menuButton.focus();
    await page.keyboard.press("Enter");
    await expect(menuButton).toHaveAttribute("aria-expanded", "true");
    await expect(firstDownload).toBeVisible();
    await expect(firstDownload).toHaveAttribute("href", `/api/certificates/${number}/certificate?lang=zh-CN`);
    await page.keyboard.press("ArrowDown");
    await expect(firstDownload).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menuButton).toHaveAttribute("aria-expanded", "false");
    await expect(menuButton).toBeFocused();
    await expect(firstDownload).toBeHidden();
    await row.getByLabel(c.manageFor.replace("{number}", number)).click();
    await row.getByLabel(c.action.label).selectOption("suspend");
    await row.getByLabel(c.reason).fill("Label used on a product model that was not certified.");
    await row.getByRole("button", { name: c.action.suspend }).click();
    await expect(row.getByText(en.common.certificateStatus.suspended)).toBeVisible();

    // The visitor sees the change on the next load.
    await publicPage.goto(qrUrl);
    await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(new RegExp(publicStatus.suspended));
    // The reason stands under the status and again in the status history.
    await expect(publicPage.getByText("Label used on a product model that was not certified.")).toHaveCount(2);
    await visitor.close();
  });
});
