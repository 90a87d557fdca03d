import { expect, test } from "@playwright/test";
import apiClientsCatalog from "../lib/i18n/messages/en/apiClients.json";
import developersCatalog from "../lib/i18n/messages/en/developers.json";
import { BASE_URL } from "../playwright.config";
import { en, signIn, useEnglish } from "./support";

const t = apiClientsCatalog;

test.describe("API clients and the machine API", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("an enterprise creates a client, its system calls the API with it, and a revocation ends access", async ({ page, request }) => {
    await signIn(page, "laptop@demo.carbonlabel.org");
    await page.getByRole("link", { name: en.nav.apiClients }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();

    const name = `ERP ${Date.now()}`;
    await page.getByRole("button", { name: t.create }).click();
    await expect(page.getByText(t.validation.scopesRequired)).toBeVisible();
    await page.getByLabel(t.name).fill(name);
    await page.getByRole("checkbox", { name: new RegExp(t.scopeNames.applications_write) }).check();
    await page.getByRole("button", { name: t.create }).click();

    await expect(page.getByText(t.secretTitle)).toBeVisible();
    const codes = page.locator("code.select-all");
    const clientId = (await codes.nth(0).textContent())!.trim();
    const clientSecret = (await codes.nth(1).textContent())!.trim();
    expect(clientSecret).toMatch(/^cls_/);
    await page.getByRole("button", { name: t.dismiss }).click();
    await expect(page.getByText(clientSecret)).toHaveCount(0);
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row.getByText(t.states.active)).toBeVisible();

    const token = await request.post("/auth/token", {
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` },
      form: { grant_type: "client_credentials" },
    });
    expect(token.status()).toBe(200);
    const { access_token: accessToken } = await token.json();
    const products = await request.get("/api/v1/products?limit=1", { headers: { authorization: `Bearer ${accessToken}` } });
    expect(products.status()).toBe(200);
    expect(products.headers()["ratelimit-policy"]).toMatch(/^"api";q=\d+;w=60$/);
    const page1 = await products.json();
    expect(page1.data).toHaveLength(1);
    expect(products.headers().link).toMatch(/rel="next"$/);

    await page.reload();
    await expect(row.getByText(t.never)).toHaveCount(0);

    page.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: t.revokeLabel.replace("{name}", name) }).click();
    await expect(row.getByText(t.states.revoked, { exact: true })).toBeVisible();
    const refused = await request.get("/api/v1/products", { headers: { authorization: `Bearer ${accessToken}` } });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-type"]).toBe("application/problem+json");
  });

  test("a verifier who is not the body's decision maker has no API clients page", async ({ page }) => {
    await signIn(page, "verifier@demo.carbonlabel.org");
    await expect(page.getByRole("link", { name: en.nav.apiClients })).toHaveCount(0);
    await page.goto("/verifier/api-clients");
    await expect(page.getByRole("heading", { level: 1, name: en.common.forbiddenTitle })).toBeVisible();
    await expect(page.getByRole("heading", { name: t.newClient })).toHaveCount(0);
  });

  test("the developer page explains the API and renders the interactive reference from this server only", async ({ page }) => {
    const outside: string[] = [];
    page.on("request", (sent) => {
      const url = new URL(sent.url());
      if (url.origin !== new URL(BASE_URL).origin && url.protocol !== "data:" && url.protocol !== "blob:") outside.push(sent.url());
    });
    await page.goto("/developers");
    await expect(page.getByRole("heading", { level: 1, name: developersCatalog.title })).toBeVisible();
    await expect(page.getByRole("heading", { name: developersCatalog.token.title })).toBeVisible();
    await expect(page.getByText("grant_type=client_credentials").first()).toBeVisible();
    // Scalar renders the document's title and its operations' paths.
    const reference = page.locator("#reference");
    await expect(reference.getByText("CarbonLabel API").first()).toBeVisible({ timeout: 30_000 });
    await expect(reference.getByText("/applications/{applicationId}/inventory-lines").first()).toBeVisible();
    expect(outside).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
