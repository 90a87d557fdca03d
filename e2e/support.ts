import { expect, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed/demo-accounts";
import { BASE_URL } from "../playwright.config";
import authCatalog from "../lib/i18n/messages/en/auth.json";
import adminCatalog from "../lib/i18n/messages/en/admin.json";
import commonCatalog from "../lib/i18n/messages/en/common.json";
import enterpriseCatalog from "../lib/i18n/messages/en/enterprise.json";
import navCatalog from "../lib/i18n/messages/en/nav.json";
import regulatorCatalog from "../lib/i18n/messages/en/regulator.json";
import signupCatalog from "../lib/i18n/messages/en/signup.json";
import verifierCatalog from "../lib/i18n/messages/en/verifier.json";

/** The English catalogs: tests find things by the words users read. */
export const en = {
  auth: authCatalog,
  admin: adminCatalog,
  common: commonCatalog,
  enterprise: enterpriseCatalog,
  nav: navCatalog,
  regulator: regulatorCatalog,
  signup: signupCatalog,
  verifier: verifierCatalog,
};

export async function useEnglish(context: BrowserContext) {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: BASE_URL }]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(en.auth.email).fill(email);
  await page.getByLabel(en.auth.password).fill(password);
  await page.getByRole("button", { name: en.auth.signIn, exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: en.nav.signOut }).first().click();
  await expect(page).toHaveURL(/\/(login)?$/);
}
