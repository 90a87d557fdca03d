import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/seed/demo-accounts";
import { withCreditCodeCheck } from "../lib/validation/credit-code";
import { BASE_URL } from "../playwright.config";
import authCatalog from "../lib/i18n/messages/en/auth.json";
import adminCatalog from "../lib/i18n/messages/en/admin.json";
import commonCatalog from "../lib/i18n/messages/en/common.json";
import enterpriseCatalog from "../lib/i18n/messages/en/enterprise.json";
import navCatalog from "../lib/i18n/messages/en/nav.json";
import regulatorCatalog from "../lib/i18n/messages/en/regulator.json";
import securityCatalog from "../lib/i18n/messages/en/security.json";
import signupCatalog from "../lib/i18n/messages/en/signup.json";
import validationCatalog from "../lib/i18n/messages/en/validation.json";
import verifierCatalog from "../lib/i18n/messages/en/verifier.json";

/** The English catalogs: tests find things by the words users read. */
export const en = {
  auth: authCatalog,
  admin: adminCatalog,
  common: commonCatalog,
  enterprise: enterpriseCatalog,
  nav: navCatalog,
  regulator: regulatorCatalog,
  security: securityCatalog,
  signup: signupCatalog,
  validation: validationCatalog,
  verifier: verifierCatalog,
};

/** The polite live region where a signed-in area's success messages appear as toasts (sonner adds its hotkey to the name). */
export function toastRegion(page: Page) {
  return page.getByRole("region", { name: new RegExp(`^${en.common.toasts}\\b`) });
}

export async function useEnglish(context: BrowserContext) {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: BASE_URL }]);
}

/** A second (third…) browser of its own cookies, in English: another device of the same user. */
export async function openEnglishBrowser(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: BASE_URL }]);
  return { context, page: await context.newPage() };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(en.auth.email).fill(email);
  await page.getByLabel(en.auth.password).fill(password);
  await page.getByRole("button", { name: en.auth.signIn, exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The consent box's accessible name: its label's sentence, the catalog's without the link tags. */
const SIGN_UP_CONSENT = en.signup.consent.replace(/<\/?(terms|privacy)>/g, "");

/**
 * On /signup, the contact person's mobile number, the password and its confirmation, and the tick
 * for the terms and the privacy policy. `exact`: "Password" is also part of "Confirm password".
 */
export async function fillSignUpAccount(page: Page, { password, mobile = "+86 138 0013 8000" }: { password: string; mobile?: string }) {
  await page.getByLabel(en.signup.mobile).fill(mobile);
  await page.getByLabel(en.signup.password, { exact: true }).fill(password);
  await page.getByLabel(en.signup.confirmPassword, { exact: true }).fill(password);
  await page.getByRole("checkbox", { name: SIGN_UP_CONSENT }).check();
}

/**
 * Registers a new Chongqing enterprise through the sign-up form (which signs it in) and returns its
 * login; `label` names the spec in the email address and the organization ("sessions", "reset").
 */
export async function signUpFreshEnterprise(page: Page, label: { email: string; organization: string; person: string }) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const creditCode = withCreditCodeCheck(`91500106MA${stamp.replace(/[^0-9A-HJ-NPQRTUWXY]/g, "A").padEnd(7, "A").slice(0, 7)}`);
  const email = `${label.email}-${stamp.toLowerCase()}@example.com`;
  const password = "velvet-compass-meadow-42";
  await page.goto("/signup");
  // Ticked while the form hydrates, the consent box can end up unticked: wait for the page's scripts.
  await page.waitForLoadState("networkidle");
  await page.getByLabel(en.signup.organizationName).fill(`重庆${label.organization}${stamp}有限公司`);
  await page.getByLabel(en.signup.creditCode).fill(creditCode);
  await page.getByLabel(en.common.district).selectOption({ label: "Shapingba" });
  await page.getByLabel(en.signup.name).fill(label.person);
  await page.getByLabel(en.signup.email).fill(email);
  await fillSignUpAccount(page, { password });
  await page.getByRole("button", { name: en.signup.submit }).click();
  await expect(page).toHaveURL(/\/enterprise$/);
  return { email, password };
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: en.nav.signOut }).first().click();
  await expect(page).toHaveURL(/\/(login)?$/);
}

/** A one-page PDF, padded by a stream of `padding` bytes: evidence must parse as a PDF with pages. */
export function onePagePdf(padding = 0): Buffer {
  const head =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >> endobj\n";
  const stream = padding ? Buffer.concat([Buffer.from(`4 0 obj << /Length ${padding} >> stream\n`), Buffer.alloc(padding, 0x20), Buffer.from("\nendstream endobj\n")]) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from(head), stream, Buffer.from("trailer << /Root 1 0 R >>\n%%EOF\n")]);
}
