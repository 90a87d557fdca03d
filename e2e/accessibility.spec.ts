/**
 * Issue 17, "Measured": every route, at desktop and phone width, in both languages — axe-core
 * (WCAG 2.2 A/AA rules) finds no serious or critical violation, no page is wider than a 390 px
 * phone, every page has a title of its own, and the interface text (headings, labels, buttons,
 * table headings, navigation) is in the page's language only.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { signIn, useEnglish } from "./support";

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const VIEWPORTS = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const LOCALES = ["zh-CN", "en"] as const;

/** Each identity's pages; `links` are pages of one resource (`route`), reached from the first link of that shape on `from` (and `then` appended). */
const ROUTES: Record<string, { email?: string; pages: string[]; links?: Array<{ from: string; pattern: RegExp; then?: string; route: string }> }> = {
  anonymous: {
    pages: [
      "/",
      "/login",
      "/signup",
      "/forgot-password",
      "/reset-password?token=not-a-token",
      "/verify-email?token=not-a-token",
      "/registry",
      "/verify",
      "/developers",
      "/help",
      "/terms",
      "/privacy",
      "/pact/extensions/certificate-credential/1.0.0",
      "/no-such-page",
    ],
    links: [{ from: "/registry", pattern: /^\/labels\/[^/]+$/, route: "/[locale]/labels/[certificateNumber]" }],
  },
  enterprise: {
    email: "laptop@demo.carbonlabel.org",
    pages: [
      "/enterprise",
      "/enterprise/products/new",
      "/enterprise/supply",
      "/enterprise/api-clients",
      "/enterprise/pact",
      "/enterprise/pact/inbox",
      "/enterprise/pact/partners",
      "/notifications",
      "/account/security",
      "/account/preferences",
    ],
    links: [
      { from: "/enterprise", pattern: /^\/enterprise\/products\/[0-9a-f-]{36}$/, route: "/enterprise/products/[id]" },
      { from: "/enterprise", pattern: /^\/enterprise\/applications\/[0-9a-f-]{36}$/, route: "/enterprise/applications/[id]" },
      {
        from: "/enterprise",
        pattern: /^\/enterprise\/applications\/[0-9a-f-]{36}$/,
        then: "/scenarios",
        route: "/enterprise/applications/[id]/scenarios",
      },
    ],
  },
  verifier: {
    email: "verifier@demo.carbonlabel.org",
    pages: ["/verifier", "/verifier/certificates", "/verifier/signing-keys", "/verifier/api-clients", "/verifier/settings"],
    links: [{ from: "/verifier", pattern: /^\/verifier\/applications\/[0-9a-f-]{36}$/, route: "/verifier/applications/[id]" }],
  },
  regulator: {
    email: "bureau@demo.carbonlabel.org",
    pages: ["/regulator", "/regulator/benchmarks", "/regulator/factors", "/regulator/factors/new", "/regulator/factors/import", "/regulator/certificates", "/regulator/audit", "/regulator/api-clients"],
  },
  admin: {
    email: "admin@demo.carbonlabel.org",
    pages: ["/admin", "/admin/organizations/new", "/admin/users/new", "/admin/factors", "/admin/factors/new", "/admin/signing-keys", "/admin/jobs", "/admin/outbox"],
    links: [{ from: "/admin/outbox", pattern: /^\/admin\/outbox\/[0-9a-f-]{36}$/, route: "/admin/outbox/[id]" }],
  },
};

/** Interface text, not data: what the catalogs put on the page. */
const INTERFACE_TEXT = "h1, h2, h3, th, label, legend, button, nav a, footer";
const HAN = /[\u3400-\u9fff]/;
/** Words of the English catalog that would betray an untranslated string on a Chinese page. */
const ENGLISH_WORDS = /\b(the|and|of|with|add|save|submit|piece|electricity|material|fuel|fossil|draft|submitted|pending|status|download|search)\b/i;

type Violation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> };

async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    // The embedded third-party API reference (Scalar, on /developers) is not ours to mend: its
    // violations are Scalar's and left out here; the page around it is checked.
    const result = await axe.run({ exclude: [["[data-third-party]"]] }, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.slice(0, 3).map((node) => ({ target: node.target })) }));
  }, WCAG_TAGS);
}

/** Interface text in the other language; elements that declare their own language (the language switch) are theirs. */
async function otherLanguageText(page: Page, locale: (typeof LOCALES)[number]): Promise<string[]> {
  const texts = await page.locator(INTERFACE_TEXT).evaluateAll((elements) =>
    elements
      .filter((element) => !element.closest("[lang]:not(html)") && (element as HTMLElement).offsetParent !== null)
      .map((element) => (element as HTMLElement).innerText.trim())
      .filter(Boolean),
  );
  return texts.filter((text) => (locale === "en" ? HAN.test(text) : !HAN.test(text) && ENGLISH_WORDS.test(text)));
}

async function pagesOf(page: Page, identity: string): Promise<string[]> {
  const routes = ROUTES[identity];
  const found: string[] = [];
  for (const link of routes.links ?? []) {
    await page.goto(link.from);
    const hrefs = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
    const href = hrefs.find((candidate) => link.pattern.test(candidate.split("?")[0]));
    expect(href, `a link like ${link.pattern} on ${link.from}`).toBeTruthy();
    found.push(`${href!.split("?")[0]}${link.then ?? ""}`);
  }
  return [...routes.pages, ...found];
}

/** Every page route of the app, as a pattern over the path (route groups are no segment). */
function pageRoutes(): { route: string; pattern: RegExp }[] {
  const routes: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), /^\(.+\)$/.test(entry.name) ? prefix : `${prefix}/${entry.name}`);
      else if (entry.name === "page.tsx") routes.push(prefix || "/");
    }
  };
  walk(path.join(__dirname, "..", "app"), "");
  return routes.map((route) => ({ route, pattern: new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`) }));
}

test("the list below names every page route of the app", () => {
  const listed = Object.values(ROUTES).flatMap(({ pages }) => [
    ...pages.map((page) => page.split("?")[0]),
  ]);
  const linked = new Set(Object.values(ROUTES).flatMap(({ links }) => (links ?? []).map(({ route }) => route)));
  const unlisted = pageRoutes().filter(({ route, pattern }) => !linked.has(route) && !listed.some((page) => pattern.test(page)));
  expect(unlisted.map(({ route }) => route)).toEqual([]);
});

for (const identity of Object.keys(ROUTES)) {
  test(`every page of ${identity} passes axe, fits a phone, has its own title and one language`, async ({ page, context }) => {
    test.setTimeout(900_000);
    const { email } = ROUTES[identity];
    if (email) {
      await useEnglish(context);
      await signIn(page, email);
    }
    const urls = await pagesOf(page, identity);
    const problems: string[] = [];
    for (const locale of LOCALES) {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: BASE_URL }]);
      for (const url of urls) {
        // One load per page and language: the phone's layout is the same document narrowed
        // (media queries follow the viewport), which halves the suite's page loads.
        const [desktop, phone] = VIEWPORTS;
        await page.setViewportSize({ width: desktop.width, height: desktop.height });
        await page.goto(url, { waitUntil: "load" });
        for (const viewport of [desktop, phone]) {
          const where = `${url} (${locale}, ${viewport.name})`;
          if (viewport === phone) await page.setViewportSize({ width: phone.width, height: phone.height });
          for (const violation of await axeViolations(page)) {
            problems.push(`${where}: axe ${violation.impact} ${violation.id} — ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
          }
          if (viewport === phone) {
            const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
            if (width > viewport.width) problems.push(`${where}: the page is ${width} px wide, wider than the ${viewport.width} px phone`);
          } else {
            const title = await page.title();
            if (!title.trim() || (url !== "/" && !title.includes(" · "))) problems.push(`${where}: no title of its own ("${title}")`);
            for (const text of await otherLanguageText(page, locale)) problems.push(`${where}: text in the other language: "${text.slice(0, 80)}"`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
}
