import { expect, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/seed/demo-accounts";
import authCatalog from "../lib/i18n/messages/en/auth.json";
import { INSTANCE_URLS } from "../playwright.platform.config";

export async function useEnglish(context: BrowserContext) {
  await context.addCookies(INSTANCE_URLS.map((url) => ({ name: "NEXT_LOCALE", value: "en", url })));
}

/** Signs in through the login form of the instance at `baseUrl`. */
export async function signInAt(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(authCatalog.email).fill(email);
  await page.getByLabel(authCatalog.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: authCatalog.signIn, exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
