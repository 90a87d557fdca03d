/**
 * Issue 11, defects 3 and 6: every HTML response carries the security headers with a script
 * nonce (and the pages still hydrate under that policy), /login refuses to be framed by another
 * origin, and the sign-in form never sends the browser off-site.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { en, openEnglishBrowser, signIn, useEnglish } from "./support";

/** Every page route of the app, as a pattern over the path ([id] → one segment). */
function pageRoutes(): { route: string; pattern: RegExp }[] {
  const routes: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      // A route group, "(name)", is no segment of the address.
      if (entry.isDirectory()) walk(path.join(dir, entry.name), /^\(.+\)$/.test(entry.name) ? prefix : `${prefix}/${entry.name}`);
      else if (entry.name === "page.tsx") routes.push(prefix || "/");
    }
  };
  walk(path.join(__dirname, "..", "app"), "");
  // A fixed segment wins over a parameter (/enterprise/products/new is not a product id). The
  // label page's language segment is optional: the router serves /labels/N from /<language>/labels/N.
  return routes
    .sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")))
    .map((route) => {
      const source = route.replace(/\[[^\]]+\]/g, "[^/]+");
      return { route, pattern: new RegExp(`^${route.startsWith("/[locale]/") ? source.replace("/[^/]+", "(?:/[^/]+)?") : source}$`) };
    });
}

/** The public label page is served from the render cache: its scripts cannot carry a per-response nonce. */
const CACHED_PAGE = /^(?:\/(?:zh-CN|en))?\/labels\/[^/]+$/;

const ROUTES = pageRoutes();

function expectSecurityHeaders(headers: Record<string, string>, url: string) {
  const cached = CACHED_PAGE.test(new URL(url, "https://localhost").pathname);
  expect(headers["content-security-policy"], url).toMatch(cached ? /script-src 'none';/ : /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"], url).toBe("DENY");
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBe("same-origin");
  expect(headers["permissions-policy"], url).toContain("camera=()");
  // The suite reaches the app over HTTPS through Caddy, so browsers are told to stay on HTTPS.
  expect(headers["strict-transport-security"], url).toBe("max-age=31536000; includeSubDomains");
}

/** Visits the pages reachable by links from `start`, checking each HTML response; returns the routes seen. */
async function crawl(page: Page, start: string[], seen: Set<string>, limit = 25) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  const queue = [...start];
  const visited = new Set<string>();
  while (queue.length && visited.size < limit) {
    const next = queue.shift()!;
    if (visited.has(next)) continue;
    visited.add(next);
    const response = await page.goto(next);
    expect(response, next).not.toBeNull();
    expect(response!.headers()["content-type"], next).toContain("text/html");
    expectSecurityHeaders(response!.headers(), next);
    await page.waitForLoadState("networkidle");
    const route = ROUTES.find(({ pattern }) => pattern.test(new URL(page.url()).pathname));
    if (route) seen.add(route.route);
    const links = await page.locator("a[href^='/']").evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
    for (const href of links) {
      const pathname = href.split(/[?#]/)[0];
      // One page per route is enough; downloads and the API are no pages.
      if (!ROUTES.some(({ pattern }) => pattern.test(pathname))) continue;
      const route = ROUTES.find(({ pattern }) => pattern.test(pathname))!.route;
      if (!seen.has(route) && !queue.includes(pathname)) queue.push(pathname);
    }
  }
  expect(violations, "no script blocked and no page error under the policy").toEqual([]);
}

test.describe("security headers", () => {
  test("every page route answers with them, and every page still runs its scripts", async ({ browser }) => {
    test.setTimeout(300_000);
    const seen = new Set<string>();
    const { context: anonymous, page } = await openEnglishBrowser(browser);
    // The emailed links' pages and the PACT extension's description are linked from no page.
    await crawl(
      page,
      ["/", "/login", "/signup", "/registry", "/reset-password?token=not-a-token", "/verify-email?token=not-a-token", "/pact/extensions/certificate-credential/1.0.0"],
      seen,
    );
    // A page the router does not know is HTML too.
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    expectSecurityHeaders(missing!.headers(), "/no-such-page");
    await anonymous.close();

    for (const email of ["laptop@demo.carbonlabel.org", "verifier@demo.carbonlabel.org", "reviewer@demo.carbonlabel.org", "bureau@demo.carbonlabel.org", "admin@demo.carbonlabel.org"]) {
      const { context, page: rolePage } = await openEnglishBrowser(browser);
      await signIn(rolePage, email);
      await crawl(rolePage, [new URL(rolePage.url()).pathname, "/notifications", "/account/security"], seen);
      await context.close();
    }
    expect([...seen].sort()).toEqual(ROUTES.map(({ route }) => route).sort());
  });

  test("the forms hydrate under the policy: client-side validation and the language switch work", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.auth.signInTitle);
    await page.getByRole("button", { name: en.auth.signIn, exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("alert").first()).toBeVisible();
  });
});

test.describe("framing", () => {
  test("/login refuses to load inside a frame of another origin", async ({ page }) => {
    // Another origin (another port on this machine) whose page frames the sign-in page, and a
    // text file as the control that framing this server works at all.
    const framingSite = http.createServer((_request, response) => {
      response.setHeader("Content-Type", "text/html");
      response.end(`<!doctype html><title>other site</title>
        <iframe id="login" src="${BASE_URL}/login" width="600" height="400"></iframe>
        <iframe id="control" src="${BASE_URL}/robots.txt" width="600" height="100"></iframe>`);
    });
    await new Promise<void>((resolve) => framingSite.listen(0, "127.0.0.1", resolve));
    const { port } = framingSite.address() as AddressInfo;
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await expect(page.frameLocator("#control").locator("body")).toContainText("User-agent");
      // Chromium replaces a frame refused by frame-ancestors / X-Frame-Options with its error page.
      const loginFrame = await (await page.locator("#login").elementHandle())!.contentFrame();
      await expect.poll(() => loginFrame!.url(), { timeout: 15_000 }).toMatch(/^chrome-error:/);
      await expect(page.frameLocator("#login").getByLabel(en.auth.email)).toHaveCount(0);
    } finally {
      framingSite.close();
    }
  });
});

test.describe("sign-in redirect", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("the reported payload /login?callbackUrl=%2F%09%2Fevil.example%2F lands on the role's home", async ({ page }) => {
    await page.goto("/login?callbackUrl=%2F%09%2Fevil.example%2F");
    await page.getByLabel(en.auth.email).fill("laptop@demo.carbonlabel.org");
    await page.getByLabel(en.auth.password).fill("carbonlabel-demo");
    await page.getByRole("button", { name: en.auth.signIn, exact: true }).click();
    await expect(page).toHaveURL(`${BASE_URL}/enterprise`);
  });

  test("a path on this site is still honoured", async ({ page }) => {
    await page.goto("/login?callbackUrl=%2Fnotifications");
    await page.getByLabel(en.auth.email).fill("laptop@demo.carbonlabel.org");
    await page.getByLabel(en.auth.password).fill("carbonlabel-demo");
    await page.getByRole("button", { name: en.auth.signIn, exact: true }).click();
    await expect(page).toHaveURL(`${BASE_URL}/notifications`);
  });
});
