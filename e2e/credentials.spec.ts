import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import credentialsCatalog from "../lib/i18n/messages/en/credentials.json";
import { useEnglish } from "./support";

const t = credentialsCatalog;
const LAPTOP = "Yuxin Education 13-inch laptop";

/** The demo pilot's certified laptop: its public page offers the signed credential as a file. */
async function downloadLaptopCredential(page: Page): Promise<string> {
  await page.goto(`/registry?q=${encodeURIComponent(LAPTOP)}`);
  await page.getByRole("link", { name: /^CFP-CQ-\d{4}-[2-9A-Z]{6}$/ }).first().click();
  await expect(page.getByRole("heading", { name: t.label.credentialHeading })).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.label.downloadJson }).click()]);
  expect(file.suggestedFilename()).toMatch(/^CFP-CQ-\d{4}-[2-9A-Z]{6}\.vc\.json$/);
  return fs.readFileSync((await file.path())!, "utf8");
}

/** Changes the certified footprint inside the signed payload, keeping the signature. */
function tamperedValue(downloaded: string): string {
  const envelope = JSON.parse(downloaded) as { id: string };
  const jws = envelope.id.replace("data:application/vc+jwt,", "");
  const [header, payload, signature] = jws.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  claims.credentialSubject.carbonFootprint.value = "1";
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
}

async function verify(page: Page, input: string) {
  await page.getByLabel(t.verify.inputLabel).fill(input);
  await page.getByRole("button", { name: t.verify.submit, exact: true }).click();
}

test.describe("verifying a signed credential", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("the browser finds the demo laptop's credential valid, and a tampered one invalid", async ({ page }) => {
    const downloaded = await downloadLaptopCredential(page);

    await page.goto("/verify");
    await expect(page.getByRole("heading", { level: 1, name: t.verify.title })).toBeVisible();
    await verify(page, downloaded);
    const verdict = page.locator("[data-verdict]");
    await expect(verdict).toHaveText(t.verify.verdict.valid);
    await expect(verdict).toHaveAttribute("data-verdict", "valid");
    await expect(page.getByText(t.verify.signature.valid)).toBeVisible();
    await expect(page.getByRole("heading", { name: t.verify.factsHeading })).toBeVisible();
    await expect(page.getByText(LAPTOP, { exact: false })).toBeVisible();
    await expect(page.getByText("GB/T 24067-2024 · CNCA-CFP-00:2025")).toBeVisible();
    await expect(page.getByRole("heading", { name: t.verify.provesHeading })).toBeVisible();
    await expect(page.getByRole("heading", { name: t.verify.notProvesHeading })).toBeVisible();

    await verify(page, tamperedValue(downloaded));
    await expect(verdict).toHaveAttribute("data-verdict", "invalid");
    await expect(verdict).toHaveText(t.verify.verdict.invalid);
    await expect(page.getByRole("heading", { name: t.verify.factsHeading })).toHaveCount(0);

    await verify(page, "not a credential");
    await expect(verdict).toHaveAttribute("data-verdict", "unreadable");
    await expect(page.getByText(t.verify.unreadable.unrecognized)).toBeVisible();
  });

  test("works on a 390 px phone without sideways scrolling", async ({ page }) => {
    const downloaded = await downloadLaptopCredential(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/verify");
    await verify(page, downloaded);
    await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "valid");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
