import { expect, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed/demo-accounts";
import { BASE_URL } from "../playwright.config";

/** The English catalogs: tests find things by the words users read. */
export const en = {
  auth: (await import("../lib/i18n/messages/en/auth.json")).default,
  admin: (await import("../lib/i18n/messages/en/admin.json")).default,
  common: (await import("../lib/i18n/messages/en/common.json")).default,
  enterprise: (await import("../lib/i18n/messages/en/enterprise.json")).default,
  nav: (await import("../lib/i18n/messages/en/nav.json")).default,
  regulator: (await import("../lib/i18n/messages/en/regulator.json")).default,
  signup: (await import("../lib/i18n/messages/en/signup.json")).default,
  verifier: (await import("../lib/i18n/messages/en/verifier.json")).default,
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
