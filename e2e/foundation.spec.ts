import { expect, test } from "@playwright/test";
import { withCreditCodeCheck } from "../lib/validation/credit-code";
import enHome from "../lib/i18n/messages/en/home.json";
import zhHome from "../lib/i18n/messages/zh-CN/home.json";
import { en, fillSignUpAccount, signIn, signOut, useEnglish } from "./support";

test.describe("sign-in and role homes", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  // In English the portal names each organization by its English name (issue 17).
  const homes = [
    { email: "laptop@demo.carbonlabel.org", path: "/enterprise", heading: en.enterprise.homeTitle, shows: "Chongqing Yuxin Computer Manufacturing Co." },
    { email: "battery@demo.carbonlabel.org", path: "/enterprise", heading: en.enterprise.homeTitle, shows: "LFP power battery pack 280 Ah" },
    { email: "verifier@demo.carbonlabel.org", path: "/verifier", heading: en.verifier.queueTitle, shows: "Yutan Certification Centre" },
    { email: "reviewer@demo.carbonlabel.org", path: "/verifier", heading: en.verifier.queueTitle, shows: "Yutan Certification Centre" },
    { email: "bureau@demo.carbonlabel.org", path: "/regulator", heading: en.regulator.dashboardTitle, shows: "Chongqing Ecology and Environment Bureau" },
    // The organizations table lists every organization (by its English name on an English page); the user table pages newest accounts first, so a seeded user may be on a later page.
    { email: "admin@demo.carbonlabel.org", path: "/admin", heading: en.admin.title, shows: "Yutan Certification Centre" },
  ];

  for (const home of homes) {
    test(`${home.email} lands on ${home.path} with their organization's data`, async ({ page }) => {
      await signIn(page, home.email);
      await expect(page).toHaveURL(new RegExp(`${home.path}$`));
      await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
      await expect(page.getByText(home.shows).first()).toBeVisible();
      await signOut(page);
      await page.goto(home.path);
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    });
  }

  test("the laptop enterprise sees its own products and not another enterprise's", async ({ page }) => {
    await signIn(page, "laptop@demo.carbonlabel.org");
    await expect(page.getByText("Yuxin UltraSlim 14-inch laptop").first()).toBeVisible();
    await expect(page.getByText("LFP power battery pack 280 Ah")).toHaveCount(0);
  });

  test("a wrong password is refused with a message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel(en.auth.email).fill("laptop@demo.carbonlabel.org");
    await page.getByLabel(en.auth.password).fill("not-the-password");
    await page.getByRole("button", { name: en.auth.signIn, exact: true }).click();
    await expect(page.getByText(en.auth.errors.invalid)).toBeVisible();
  });

  test("an enterprise user is refused the regulator and admin areas", async ({ page }) => {
    await signIn(page, "laptop@demo.carbonlabel.org");
    for (const path of ["/regulator", "/admin", "/verifier"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: en.regulator.dashboardTitle })).toHaveCount(0);
      await expect(page.getByRole("heading", { level: 1, name: en.admin.title })).toHaveCount(0);
    }
  });

  test("an anonymous visitor is sent to /login", async ({ page }) => {
    for (const path of ["/enterprise", "/verifier", "/regulator", "/admin"]) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(path).replace("/", "\\/")}`));
    }
  });
});

test("the language switch changes every string and is remembered", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zhHome.heroTitle);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(enHome.heroTitle);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.auth.signInTitle);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.auth.signInTitle);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("an enterprise signs up, lands on its home, and the admin can disable it", async ({ page, context }) => {
  await useEnglish(context);
  const suffix = Date.now().toString(36).toUpperCase().slice(-5).replace(/[IOSVZ]/g, "A");
  const creditCode = withCreditCodeCheck(`91500106MA6${suffix}A`.slice(0, 17));
  const email = `signup-${Date.now()}@example.com`;
  await page.goto("/signup");
  await page.getByLabel(en.signup.organizationName).fill("重庆端到端测试科技有限公司");
  await page.getByLabel(en.signup.creditCode).fill(creditCode.slice(0, 17) + (creditCode.endsWith("0") ? "1" : "0"));
  await page.getByLabel(en.common.district).selectOption({ label: "Shapingba" });
  await page.getByLabel(en.signup.name).fill("测试员");
  await page.getByLabel(en.signup.email).fill(email);
  await page.getByLabel(en.signup.mobile).fill("139 2345 678");
  await page.getByLabel(en.signup.password, { exact: true }).fill("short");
  await page.getByLabel(en.signup.confirmPassword, { exact: true }).fill("shorter");
  await page.getByRole("button", { name: en.signup.submit }).click();
  // Every error next to its field at once: the check character, the mobile's 11 digits, the
  // password's length, the differing confirmation and the missing consent.
  await expect(page.getByText(en.validation.creditCodeCheck)).toBeVisible();
  await expect(page.getByText(en.validation.mobile)).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: en.validation.tooShort.replace("{minimum}", "10") })).toBeVisible();
  await expect(page.getByText(en.validation.passwordsDiffer)).toBeVisible();
  await expect(page.getByText(en.validation.consentRequired)).toBeVisible();
  // 17 characters: a wrong format, not a wrong check character.
  await page.getByLabel(en.signup.creditCode).fill(creditCode.slice(0, 17));
  await page.getByRole("button", { name: en.signup.submit }).click();
  await expect(page.getByText(en.validation.creditCodeFormat)).toBeVisible();
  await expect(page.getByText(en.validation.creditCodeCheck)).toHaveCount(0);
  // The consent sentence links the terms and the privacy policy, in a new tab so nothing typed is lost.
  const consentLinks = page.locator("form").getByRole("link");
  await expect(consentLinks).toHaveCount(2);
  await expect(consentLinks.nth(0)).toHaveAttribute("href", "/terms");
  await expect(consentLinks.nth(1)).toHaveAttribute("href", "/privacy");
  await expect(consentLinks.nth(0)).toHaveAttribute("target", "_blank");

  await page.getByLabel(en.signup.creditCode).fill(creditCode);
  await fillSignUpAccount(page, { password: "a-long-password", mobile: "+86 139-2345-6789" });
  await page.getByRole("button", { name: en.signup.submit }).click();
  await expect(page).toHaveURL(/\/enterprise$/);
  await expect(page.getByText("重庆端到端测试科技有限公司").first()).toBeVisible();
  await expect(page.getByText(en.enterprise.noProducts)).toBeVisible();
  await signOut(page);

  await signIn(page, "admin@demo.carbonlabel.org");
  // Users are listed 25 a page: search for the new one, whoever else signed up meanwhile.
  const userSearch = page.getByRole("form", { name: en.admin.userSearch.label });
  await userSearch.getByLabel(en.admin.userSearch.text).fill(email);
  await userSearch.getByRole("button", { name: en.common.search, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\?q=/);
  // The contact person's mobile number, as the operator reads it, in the new user's row.
  await expect(page.getByRole("row").filter({ hasText: email }).getByText(en.admin.mobile.replace("{mobile}", "139 2345 6789"))).toBeVisible();
  await page.getByRole("button", { name: en.admin.disableUser.replace("{email}", email) }).click();
  await expect(page.getByRole("button", { name: en.admin.enableUser.replace("{email}", email) })).toBeVisible();
  await signOut(page);

  await page.goto("/login");
  await page.getByLabel(en.auth.email).fill(email);
  await page.getByLabel(en.auth.password).fill("a-long-password");
  await page.getByRole("button", { name: en.auth.signIn, exact: true }).click();
  await expect(page.getByText(en.auth.errors.invalid)).toBeVisible();
});

test("the admin creates a verification body and a user in it", async ({ page, context }) => {
  await useEnglish(context);
  await signIn(page, "admin@demo.carbonlabel.org");
  const name = `端到端认证中心 ${Date.now()}`;
  // Each form is on its own page, opened from its table's card; a success returns to /admin.
  await page.getByRole("link", { name: en.admin.newOrganization }).click();
  await expect(page).toHaveURL(/\/admin\/organizations\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: en.admin.newOrganization })).toBeVisible();
  const organizationForm = page.locator("form").filter({ has: page.getByRole("button", { name: en.admin.createOrganization }) });
  await organizationForm.getByLabel(en.admin.nameZh).fill(name);
  await organizationForm.getByLabel(en.common.district).selectOption({ label: "Yubei" });
  await organizationForm.getByLabel(en.admin.accreditationNo).fill("CNCA-R-2026-999");
  await organizationForm.getByRole("button", { name: en.admin.createOrganization }).click();
  await expect(page.getByText(en.admin.organizationCreated)).toBeVisible();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("cell", { name }).first()).toBeVisible();

  await page.getByRole("link", { name: en.admin.newUser }).click();
  await expect(page).toHaveURL(/\/admin\/users\/new$/);
  const userForm = page.locator("form").filter({ has: page.getByRole("button", { name: en.admin.createUser }) });
  await userForm.getByLabel(en.admin.organization).selectOption({ label: `${name} · ${en.common.organizationKinds.verification_body}` });
  await userForm.getByLabel(en.admin.role).selectOption({ label: en.common.roles.reviewer });
  await userForm.getByLabel(en.admin.personName).fill("E2E Reviewer");
  const email = `e2e-reviewer-${Date.now()}@example.com`;
  await userForm.getByLabel(en.admin.email).fill(email);
  await userForm.getByLabel(en.admin.initialPassword).fill("a-long-password");
  await userForm.getByRole("button", { name: en.admin.createUser }).click();
  await expect(page.getByText(en.admin.userCreated)).toBeVisible();
  // Back on the list searched for the new email: its row is shown however many pages of users there are.
  await expect(page).toHaveURL(/\/admin\?q=/);
  await expect(page.getByLabel(en.admin.userSearch.text)).toHaveValue(email);
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();
  await signOut(page);

  await signIn(page, email, "a-long-password");
  await expect(page).toHaveURL(/\/verifier$/);
  await expect(page.getByText(name).first()).toBeVisible();
});
