/**
 * Issue 11, defect 4 and the target "sign-out, disable and password change each end the other
 * sessions on their next request", across two browser contexts.
 */
import { expect, test, type Page } from "@playwright/test";
import { en, openEnglishBrowser as newBrowser, signIn, signOut, signUpFreshEnterprise } from "./support";

const s = en.security.page;
/** How this spec names the enterprises it registers. */
const SESSIONS = { email: "sessions", organization: "会话测试", person: "会话测试员" };

async function expectSignedOut(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login(\?|$)/);
}

test.describe("ending sessions", () => {
  test("sign-out ends the session: its cookie, copied to a second browser, stops working there too", async ({ browser }) => {
    const first = await newBrowser(browser);
    await signIn(first.page, "nev@demo.carbonlabel.org");
    const second = await newBrowser(browser);
    await second.context.addCookies(await first.context.cookies());
    await second.page.goto("/enterprise");
    await expect(second.page.getByRole("heading", { level: 1, name: en.enterprise.homeTitle })).toBeVisible();

    await signOut(first.page);
    await expectSignedOut(second.page, "/enterprise");
    // Nor can the copied cookie be refreshed into a new one.
    expect(await (await second.context.request.get("/api/auth/session")).json()).toBeNull();
    await first.context.close();
    await second.context.close();
  });

  test("disabling a user ends their open session on its next request", async ({ browser }) => {
    test.setTimeout(120_000);
    const user = await newBrowser(browser);
    const { email } = await signUpFreshEnterprise(user.page, SESSIONS);
    const admin = await newBrowser(browser);
    await signIn(admin.page, "admin@demo.carbonlabel.org");
    await admin.page.getByRole("button", { name: en.admin.disableUser.replace("{email}", email) }).click();
    await expect(admin.page.getByRole("button", { name: en.admin.enableUser.replace("{email}", email) })).toBeVisible();

    await expectSignedOut(user.page, "/enterprise");
    await user.context.close();
    await admin.context.close();
  });

  test("a password change ends the other session and keeps this one", async ({ browser }) => {
    test.setTimeout(120_000);
    const here = await newBrowser(browser);
    const { email, password } = await signUpFreshEnterprise(here.page, SESSIONS);
    const elsewhere = await newBrowser(browser);
    await signIn(elsewhere.page, email, password);

    const newPassword = "harbour-lantern-pelican-88";
    await here.page.goto("/account/security");
    await here.page.getByLabel(s.currentPassword).fill(password);
    await here.page.getByLabel(s.newPassword, { exact: true }).fill(newPassword);
    await here.page.getByLabel(s.confirmPassword).fill(newPassword);
    await here.page.getByRole("button", { name: s.submit }).click();
    await expect(here.page.getByText(s.changed.replace("{count}", "1"))).toBeVisible();

    await expectSignedOut(elsewhere.page, "/enterprise");
    await here.page.goto("/enterprise");
    await expect(here.page.getByRole("heading", { level: 1, name: en.enterprise.homeTitle })).toBeVisible();
    await signIn(elsewhere.page, email, newPassword);
    await expect(elsewhere.page).toHaveURL(/\/enterprise$/);
    await here.context.close();
    await elsewhere.context.close();
  });

  test("a weak new password is refused next to its field", async ({ browser }) => {
    const here = await newBrowser(browser);
    await signIn(here.page, "chemical@demo.carbonlabel.org");
    await here.page.goto("/account/security");
    await here.page.getByLabel(s.currentPassword).fill("carbonlabel-demo");
    await here.page.getByLabel(s.newPassword, { exact: true }).fill("password1234");
    await here.page.getByLabel(s.confirmPassword).fill("password1234");
    await here.page.getByRole("button", { name: s.submit }).click();
    await expect(here.page.getByText(en.security.page.changePassword).first()).toBeVisible();
    await expect(here.page.getByRole("alert").filter({ hasText: /commonly used password/ })).toBeVisible();
    await here.context.close();
  });

  test("sign out everywhere ends every session of the user", async ({ browser }) => {
    test.setTimeout(120_000);
    const here = await newBrowser(browser);
    const { email, password } = await signUpFreshEnterprise(here.page, SESSIONS);
    const elsewhere = await newBrowser(browser);
    await signIn(elsewhere.page, email, password);

    await here.page.goto("/account/security");
    here.page.once("dialog", (dialog) => void dialog.accept());
    await here.page.getByRole("button", { name: s.signOutEverywhere }).click();
    await expect(here.page).toHaveURL(/\/login$/);
    await expectSignedOut(here.page, "/enterprise");
    await expectSignedOut(elsewhere.page, "/enterprise");
    await here.context.close();
    await elsewhere.context.close();
  });
});
