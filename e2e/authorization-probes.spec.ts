/**
 * Cross-tenant HTTP probes (issue 11): every page and route under app/ is
 * requested, on the production build, as each kind of caller — nobody, each
 * enterprise, each body's staff, the region's and another region's regulator,
 * the operator. Whoever may not see a resource gets a redirect to /login
 * (nobody signed in), 403 (a portal area that is not theirs) or 404 — the same
 * 404 as for an id that does not exist — and never any of its data. A page or
 * route added under app/ without an entry here fails the inventory test.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import enEvidence from "../lib/i18n/messages/en/evidence.json";
import { DEMO_PASSWORD } from "../lib/seed/demo-accounts";
import { BASE_URL } from "../playwright.config";
import { en, onePagePdf, signIn, signOut, useEnglish } from "./support";

type Identity = "anonymous" | "laptop" | "battery" | "nev" | "verifier" | "reviewer" | "verifier2" | "bureau" | "sichuan" | "admin";
type Area = "enterprise" | "verifier" | "regulator" | "admin";

const AREA_OF: Record<Exclude<Identity, "anonymous">, Area> = {
  laptop: "enterprise",
  battery: "enterprise",
  nev: "enterprise",
  verifier: "verifier",
  reviewer: "verifier",
  verifier2: "verifier",
  bureau: "regulator",
  sichuan: "regulator",
  admin: "admin",
};
const IDENTITIES: Identity[] = ["anonymous", ...(Object.keys(AREA_OF) as Exclude<Identity, "anonymous">[])];
const SICHUAN_EMAIL = `probe-sichuan-${Date.now()}@example.com`;
const SICHUAN_PASSWORD = "a-long-password-for-probes";
const EMAILS: Record<Exclude<Identity, "anonymous" | "sichuan">, string> = {
  laptop: "laptop@demo.carbonlabel.org",
  battery: "battery@demo.carbonlabel.org",
  nev: "nev@demo.carbonlabel.org",
  verifier: "verifier@demo.carbonlabel.org",
  reviewer: "reviewer@demo.carbonlabel.org",
  verifier2: "verifier2@demo.carbonlabel.org",
  bureau: "bureau@demo.carbonlabel.org",
  admin: "admin@demo.carbonlabel.org",
};

/** The resources probed: the laptop enterprise's certified application and certificate, the vehicle maker's evidence. */
type Ids = { product: string; application: string; certificate: string; evidence: string };

type Expectation = { allowed: readonly Identity[]; refused: (identity: Identity) => 401 | 403 | 404 | "login" };

/**
 * How each entry of app/ is probed: `public` ones answer anyone alike (no
 * authorization to probe); the others name the URL, who gets through, and what
 * everyone else gets.
 */
type Target =
  | { access: "public"; reason: string }
  | {
      access: "probed";
      method?: "GET" | "POST";
      url: (ids: Ids) => string;
      /** The same request for an id that does not exist, when the entry has one. */
      missing?: (ids: Ids) => string;
      expect: Expectation;
      /** Text of the resource that a refusal must not contain. */
      leaks?: (ids: Ids) => string[];
      body?: () => Record<string, unknown>;
    };

const randomId = () => crypto.randomUUID();
const RANDOM_NUMBER = "CFP-CQ-2026-ZZZZZZ";

/** A page of a portal area: its roles pass, nobody signed in is sent to /login, anyone else is refused with 403. */
function areaPage(area: Area, url: string): Target {
  return {
    access: "probed",
    url: () => url,
    expect: { allowed: IDENTITIES.filter((identity) => identity !== "anonymous" && AREA_OF[identity] === area), refused: (identity) => (identity === "anonymous" ? "login" : 403) },
  };
}

/** A page of one resource: its owners pass; others of the same area get the 404 of a missing id, other areas 403. */
function resourcePage(area: Area, owners: Identity[], url: (ids: Ids) => string, missing: (ids: Ids) => string, leaks: (ids: Ids) => string[]): Target {
  return {
    access: "probed",
    url,
    missing,
    leaks,
    expect: {
      allowed: owners,
      refused: (identity) => (identity === "anonymous" ? "login" : AREA_OF[identity] === area ? 404 : 403),
    },
  };
}

const LAPTOP_LEAKS = () => ["Yuxin Education 13-inch laptop", "渝新教育笔记本电脑", "YX-13E"];

const TARGETS: Record<string, Target> = {
  // public pages and routes: the same for everyone, nothing to authorize
  "page /": { access: "public", reason: "landing page" },
  "page /login": { access: "public", reason: "sign-in" },
  "page /signup": { access: "public", reason: "sign-up" },
  "page /registry": { access: "public", reason: "public registry of issued labels" },
  "route /registry/export": { access: "public", reason: "the public registry as CSV (public fields only)" },
  "route /registry/static": { access: "public", reason: "the public registry as HTML without scripts, for a visitor who is not signed in (/registry is rewritten here)" },
  "route /language/[locale]": { access: "public", reason: "remembers a language choice (a cookie) and leads back to a path on this site" },
  "page /help": { access: "public", reason: "how the platform works, and whom to contact" },
  "page /terms": { access: "public", reason: "terms of use (sign-up links to them)" },
  "page /privacy": { access: "public", reason: "privacy policy (sign-up links to it)" },
  "route /[locale]/labels/[certificateNumber]": { access: "public", reason: "the QR code's public verification page, HTML without scripts (/labels/N in the visitor's language, or /en/labels/N)" },
  "route /api/auth/[...nextauth]": { access: "public", reason: "Auth.js endpoints (sign-in itself)" },
  "route /api/health": { access: "public", reason: "health check" },
  "route /api/labels/[number]": { access: "public", reason: "the public verification page as JSON" },
  "route /api/certificates/[number]/label": { access: "public", reason: "the label image, printed on products" },
  "route /api/templates/inventory": { access: "public", reason: "the blank import template" },
  "page /forgot-password": { access: "public", reason: "asks for a reset link; the same answer for any email" },
  "page /reset-password": { access: "public", reason: "the emailed reset link's form: the token is the authorization" },
  "page /verify-email": { access: "public", reason: "the emailed confirmation link's form: the token is the authorization" },

  // signed in, anyone
  "page /notifications": {
    access: "probed",
    url: () => "/notifications",
    expect: { allowed: IDENTITIES.filter((identity) => identity !== "anonymous"), refused: () => "login" },
  },

  "page /account/preferences": {
    access: "probed",
    url: () => "/account/preferences",
    expect: { allowed: IDENTITIES.filter((identity) => identity !== "anonymous"), refused: () => "login" },
  },

  // portal areas
  "page /enterprise": areaPage("enterprise", "/enterprise"),
  "page /enterprise/products/new": areaPage("enterprise", "/enterprise/products/new"),
  "page /enterprise/supply": areaPage("enterprise", "/enterprise/supply"),
  "page /verifier": areaPage("verifier", "/verifier"),
  "page /verifier/certificates": areaPage("verifier", "/verifier/certificates"),
  "page /regulator": areaPage("regulator", "/regulator"),
  "page /regulator/benchmarks": areaPage("regulator", "/regulator/benchmarks"),
  "page /regulator/factors": areaPage("regulator", "/regulator/factors"),
  "page /regulator/factors/new": areaPage("regulator", "/regulator/factors/new"),
  "page /regulator/factors/import": areaPage("regulator", "/regulator/factors/import"),
  "page /regulator/certificates": areaPage("regulator", "/regulator/certificates"),
  "page /regulator/audit": areaPage("regulator", "/regulator/audit"),
  "page /admin": areaPage("admin", "/admin"),
  "page /admin/factors": areaPage("admin", "/admin/factors"),
  "page /admin/factors/new": areaPage("admin", "/admin/factors/new"),
  "page /admin/organizations/new": areaPage("admin", "/admin/organizations/new"),
  "page /admin/users/new": areaPage("admin", "/admin/users/new"),
  "page /admin/outbox": areaPage("admin", "/admin/outbox"),
  // A message the outbox does not hold: the operator gets its 404, anyone else the area's refusal.
  "page /admin/outbox/[id]": {
    access: "probed",
    url: () => `/admin/outbox/${randomId()}`,
    expect: { allowed: [], refused: (identity) => (identity === "anonymous" ? "login" : identity === "admin" ? 404 : 403) },
  },
  "page /admin/jobs": areaPage("admin", "/admin/jobs"),
  "page /account/security": { access: "probed", url: () => "/account/security", expect: { allowed: IDENTITIES.filter((identity) => identity !== "anonymous"), refused: () => "login" } },
  "page /admin/signing-keys": areaPage("admin", "/admin/signing-keys"),
  "page /verifier/signing-keys": areaPage("verifier", "/verifier/signing-keys"),
  // Every body member reads the body's settings; only its reviewer gets the form (stageTarget.manage, probed by the matrix).
  "page /verifier/settings": areaPage("verifier", "/verifier/settings"),
  "page /enterprise/api-clients": areaPage("enterprise", "/enterprise/api-clients"),
  "page /regulator/api-clients": areaPage("regulator", "/regulator/api-clients"),
  "page /verifier/api-clients": { access: "probed", url: () => "/verifier/api-clients", expect: { allowed: ["reviewer"], refused: (identity) => (identity === "anonymous" ? "login" : 403) } },
  "page /enterprise/pact": areaPage("enterprise", "/enterprise/pact"),
  "page /enterprise/pact/inbox": areaPage("enterprise", "/enterprise/pact/inbox"),
  "page /enterprise/pact/partners": areaPage("enterprise", "/enterprise/pact/partners"),
  "page /developers": { access: "public", reason: "the API guide and reference" },
  "page /verify": { access: "public", reason: "anyone checks a credential in the browser" },
  "page /pact/extensions/certificate-credential/1.0.0": { access: "public", reason: "documentation of the PACT data model extension" },
  "route /developers/api-reference.js": { access: "public", reason: "the reference page's script" },
  "route /.well-known/jwks.json": { access: "public", reason: "the platform's public keys" },
  "route /.well-known/openid-configuration": { access: "public", reason: "names the token endpoint" },
  "route /issuers/[bodyId]": { access: "public", reason: "a verification body's issuer profile" },
  "route /issuers/[bodyId]/jwks.json": { access: "public", reason: "a body's public keys" },
  "route /issuers/[bodyId]/status/[purpose]": { access: "public", reason: "a body's signed status lists" },
  "route /pact/extensions/certificate-credential/1.0.0/schema.json": { access: "public", reason: "the extension's JSON schema" },
  "route /api/v1/openapi.json": { access: "public", reason: "the OpenAPI document" },
  "route /3/events": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /3/footprints": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /3/footprints/[id]": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /auth/token": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/applications": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/applications/[applicationId]": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/applications/[applicationId]/calculations": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/applications/[applicationId]/evidence": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/applications/[applicationId]/inventory-imports": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/applications/[applicationId]/inventory-lines": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/applications/[applicationId]/inventory-lines/[lineId]": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/applications/[applicationId]/submissions": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/certificates": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/certificates/[number]": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/certificates/[number]/status": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/factors": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/notifications": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/products": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/products/[productId]": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/v1/verification-bodies": { access: "public", reason: "machine API: authenticated by a bearer token, never by the session, so every browser identity gets the same 401 (tests/integration api and pact suites probe it)" },
  "route /api/labels/[number]/credential": { access: "public", reason: "a public certificate's signed credential (a missing number answers 404)" },
  "route /api/applications/[id]/battery-declaration": { access: "public", reason: "its authorization is probed by the matrix (application.batteryDeclaration) on PostgreSQL" },
  "route /api/applications/[id]/study-report": { access: "public", reason: "its authorization is probed by the matrix (application.studyReport) on PostgreSQL" },
  "route /api/certificates/[number]/study-report": { access: "public", reason: "probed with the certificate downloads in tests/integration/authorization-probes.test.ts" },
  "route /regulator/export": areaPage("regulator", "/regulator/export"),

  // one tenant's resources
  "page /enterprise/products/[id]": resourcePage("enterprise", ["laptop"], (ids) => `/enterprise/products/${ids.product}`, () => `/enterprise/products/${randomId()}`, LAPTOP_LEAKS),
  "page /enterprise/applications/[id]": resourcePage(
    "enterprise",
    ["laptop"],
    (ids) => `/enterprise/applications/${ids.application}`,
    () => `/enterprise/applications/${randomId()}`,
    LAPTOP_LEAKS,
  ),
  "page /enterprise/applications/[id]/scenarios": resourcePage(
    "enterprise",
    ["laptop"],
    (ids) => `/enterprise/applications/${ids.application}/scenarios`,
    () => `/enterprise/applications/${randomId()}/scenarios`,
    LAPTOP_LEAKS,
  ),
  "page /verifier/applications/[id]": resourcePage(
    "verifier",
    ["verifier", "reviewer"],
    (ids) => `/verifier/applications/${ids.application}`,
    () => `/verifier/applications/${randomId()}`,
    LAPTOP_LEAKS,
  ),
  "route /api/evidence/[id]": {
    access: "probed",
    url: (ids) => `/api/evidence/${ids.evidence}`,
    missing: () => `/api/evidence/${randomId()}`,
    leaks: () => ["%PDF"],
    // The owner, the body it is entrusted to and the region's regulator; for anyone else it does not exist.
    expect: { allowed: ["nev", "verifier", "reviewer", "bureau"], refused: (identity) => (identity === "anonymous" ? 401 : 404) },
  },
  "route /api/certificates/[number]/certificate": {
    access: "probed",
    url: (ids) => `/api/certificates/${ids.certificate}/certificate`,
    missing: () => `/api/certificates/${RANDOM_NUMBER}/certificate`,
    leaks: () => ["%PDF"],
    expect: {
      allowed: ["laptop", "verifier", "reviewer", "bureau"],
      refused: (identity) => (identity === "anonymous" ? 401 : identity === "admin" ? 403 : 404),
    },
  },
  "route /api/certificates/[number]/pact": {
    access: "probed",
    url: (ids) => `/api/certificates/${ids.certificate}/pact`,
    missing: () => `/api/certificates/${RANDOM_NUMBER}/pact`,
    leaks: () => ["pcfExcludingBiogenicUptake"],
    // The holder and the body that issued it; the regulator's role has no PACT export.
    expect: {
      allowed: ["laptop", "verifier", "reviewer"],
      refused: (identity) => (identity === "anonymous" ? 401 : identity === "admin" || identity === "bureau" || identity === "sichuan" ? 403 : 404),
    },
  },
  "route /api/applications/[id]/inventory-import": {
    access: "probed",
    method: "POST",
    url: (ids) => `/api/applications/${ids.application}/inventory-import`,
    missing: () => `/api/applications/${randomId()}/inventory-import`,
    // No file and a certified application: the owner is past the tenant check and told the
    // inventory is frozen (422, a conflict); nothing is imported, whoever asks.
    body: () => ({}),
    expect: {
      allowed: ["laptop"],
      refused: (identity) => (identity === "anonymous" ? 401 : identity === "battery" || identity === "nev" ? 404 : 403),
    },
  },
  "route /api/enterprise/factors": {
    access: "probed",
    url: () => "/api/enterprise/factors?q=electricity",
    expect: { allowed: ["laptop", "battery", "nev"], refused: (identity) => (identity === "anonymous" ? 401 : 403) },
  },
};

/** Every page.tsx and route.ts(x) under app/, as "page /path/[param]" (route groups dropped). */
function appEntries(): string[] {
  const appDir = path.resolve(__dirname, "../app");
  return fs
    .readdirSync(appDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && (entry.name === "page.tsx" || /^route\.tsx?$/.test(entry.name)))
    .map((entry) => {
      const segments = path.relative(appDir, entry.parentPath).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
      return `${entry.name === "page.tsx" ? "page" : "route"} /${segments.join("/")}`;
    })
    .sort();
}

/** What a probe got: the status, and for a redirect whether it leads to the sign-in page. */
async function request(api: APIRequestContext, target: Extract<Target, { access: "probed" }>, url: string): Promise<APIResponse> {
  const options = { maxRedirects: 0, failOnStatusCode: false };
  if (target.method === "POST") return api.post(url, { ...options, multipart: target.body?.() as Record<string, string> });
  return api.get(url, options);
}

/**
 * An answer's content, without what names the request itself (the id asked
 * for, per-request nonces) and without the order in which the streamed React
 * payload's records happen to arrive (timing, not content).
 */
function normalized(body: string, url: string): string {
  const text = body
    .split(url)
    .join("<url>")
    .replace(/nonce="[^"]*"/g, "")
    // The same nonce inside the streamed payload, where a page's own stylesheet or script carries it.
    .replace(/\\"nonce\\":\\"[A-Za-z0-9+/=]*\\"/g, "")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>");
  const records = [...text.matchAll(/self\.__next_f\.push\(\[1,"((?:[^"\\]|\\.)*)"\]\)/g)].map((match) => match[1]).join("");
  const page = text.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
  // React numbers the payload's rows in the order they finish streaming, which a slower or a
  // first request changes: row ids and the references to them are not the answer, their content is.
  const rows = records
    .split("\\n")
    .map((row) => row.replace(/^[0-9a-f]+:/, "<row>:").replace(/\\"\$([A-Za-z@]?)[0-9a-f]+(?=[:\\])/g, '\\"$$$1<ref>'));
  return [page, ...rows.sort()].join("\n");
}

/** Where two answers first differ, with some context; empty when they are the same. */
function difference(a: string, b: string): string {
  if (a === b) return "";
  let at = 0;
  while (a[at] === b[at]) at++;
  return `at ${at}: …${a.slice(Math.max(0, at - 80), at + 80)}… vs …${b.slice(Math.max(0, at - 80), at + 80)}…`;
}

let ids: Ids;
const sessions = new Map<Identity, APIRequestContext>();
const closers: Array<() => Promise<void>> = [];
const tally = { cases: 0, unexpectedAllows: 0 };

test.describe.configure({ mode: "serial" });

test.describe("cross-tenant HTTP probes", () => {
  test.beforeAll(async ({ browser }) => {
    // Ten sign-ins and the setup through the UI: slow on a shared machine.
    test.setTimeout(600_000);
    const context = await browser.newContext();
    await useEnglish(context);
    const page = await context.newPage();

    // Another region's regulator, created the way the operator does it.
    await signIn(page, EMAILS.admin);
    const bureauName = `四川省生态环境厅 ${Date.now()}`;
    await page.goto("/admin/organizations/new");
    const organizationForm = page.locator("form").filter({ has: page.getByRole("button", { name: en.admin.createOrganization }) });
    await organizationForm.getByLabel(en.admin.kind).selectOption({ label: en.common.organizationKinds.regulator });
    await organizationForm.getByLabel(en.admin.nameZh).fill(bureauName);
    await organizationForm.getByLabel(en.common.region).selectOption({ label: "Sichuan" });
    await organizationForm.getByRole("button", { name: en.admin.createOrganization }).click();
    await expect(page.getByText(en.admin.organizationCreated)).toBeVisible();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("cell", { name: bureauName }).first()).toBeVisible();
    await page.goto("/admin/users/new");
    const userForm = page.locator("form").filter({ has: page.getByRole("button", { name: en.admin.createUser }) });
    await userForm.getByLabel(en.admin.organization).selectOption({ label: `${bureauName} · ${en.common.organizationKinds.regulator}` });
    await userForm.getByLabel(en.admin.role).selectOption({ label: en.common.roles.regulator });
    await userForm.getByLabel(en.admin.personName).fill("Probe regulator");
    await userForm.getByLabel(en.admin.email).fill(SICHUAN_EMAIL);
    await userForm.getByLabel(en.admin.initialPassword).fill(SICHUAN_PASSWORD);
    await userForm.getByRole("button", { name: en.admin.createUser }).click();
    await expect(page.getByText(en.admin.userCreated)).toBeVisible();
    await expect(page.getByRole("cell", { name: SICHUAN_EMAIL, exact: true })).toBeVisible();
    await signOut(page);

    // The laptop maker's certified product, its application and certificate.
    await signIn(page, EMAILS.laptop);
    await page.getByRole("link", { name: "Yuxin Education 13-inch laptop" }).first().click();
    await expect(page).toHaveURL(/\/enterprise\/products\/[0-9a-f-]{36}$/);
    const product = page.url().split("/").pop()!;
    const application = (await page.locator('a[href^="/enterprise/applications/"]').first().getAttribute("href"))!.split("/").pop()!;
    await page.goto("/enterprise");
    const certificate = (await page.content()).match(/CFP-CQ-\d{4}-[0-9A-Z]{6}/)?.[0];
    expect(certificate, "the certified laptop's certificate number").toBeTruthy();
    await signOut(page);

    // A file of the vehicle maker, on its application sent back for changes.
    await signIn(page, EMAILS.nev);
    await page.getByRole("link", { name: "Changjiang battery-electric SUV" }).first().click();
    await page.locator('a[href^="/enterprise/applications/"]').first().click();
    await expect(page).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
    const pdf = onePagePdf();
    const fileName = `probe-meter-${Date.now()}.pdf`;
    await page.getByLabel(enEvidence.chooseFile).first().setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: enEvidence.upload, exact: true }).first().click();
    const link = page.getByRole("link", { name: enEvidence.downloadNamed.replace("{name}", fileName) });
    await expect(link).toBeVisible();
    const evidence = (await link.getAttribute("href"))!.split("/").pop()!;
    await context.close();

    ids = { product, application, certificate: certificate!, evidence };
    // One browser context per caller; its request API carries the caller's session cookie.
    for (const identity of IDENTITIES) {
      const session = await browser.newContext();
      closers.push(() => session.close());
      await session.addCookies([{ name: "NEXT_LOCALE", value: "en", url: BASE_URL }]);
      if (identity !== "anonymous") {
        const signInPage = await session.newPage();
        await signIn(signInPage, identity === "sichuan" ? SICHUAN_EMAIL : EMAILS[identity], identity === "sichuan" ? SICHUAN_PASSWORD : DEMO_PASSWORD);
        await signInPage.close();
      }
      sessions.set(identity, session.request);
    }
  });

  test.afterAll(async () => {
    for (const close of closers) await close();
    console.log(`[authorization HTTP probes] ${tally.cases} cases over ${Object.keys(TARGETS).length} pages and routes: ${tally.unexpectedAllows} unexpected allows`);
  });

  test("every page and route under app/ has an entry", () => {
    expect(appEntries()).toEqual(Object.keys(TARGETS).sort());
  });

  test("a public certificate page or label of a number that does not exist answers 404", async () => {
    const anonymous = sessions.get("anonymous")!;
    for (const url of [`/labels/${RANDOM_NUMBER}`, `/api/labels/${RANDOM_NUMBER}`, `/api/certificates/${RANDOM_NUMBER}/label`]) {
      tally.cases++;
      expect((await anonymous.get(url, { maxRedirects: 0, failOnStatusCode: false })).status(), url).toBe(404);
    }
  });

  for (const [entry, target] of Object.entries(TARGETS)) {
    if (target.access === "public") continue;
    test(`${entry}: through for exactly its callers, refused to every other`, async () => {
      const url = target.url(ids);
      for (const identity of IDENTITIES) {
        tally.cases++;
        const api = sessions.get(identity)!;
        const response = await request(api, target, url);
        const status = response.status();
        const label = `${identity} → ${target.method ?? "GET"} ${url}`;
        if (target.expect.allowed.includes(identity)) {
          expect([401, 403, 404], `${label} must get through (HTTP ${status})`).not.toContain(status);
          expect(status, label).toBeLessThan(500);
          if (response.headers()["location"]) expect(response.headers()["location"], label).not.toContain("/login");
          continue;
        }
        const refused = target.expect.refused(identity);
        if (status < 300) tally.unexpectedAllows++;
        if (refused === "login") {
          expect([302, 303, 307, 308], `${label} must be sent to sign in (HTTP ${status})`).toContain(status);
          expect(response.headers()["location"], label).toContain("/login");
        } else {
          expect(status, label).toBe(refused);
        }
        const body = await response.text();
        for (const secret of target.leaks?.(ids) ?? []) expect(body, `${label} leaks "${secret}"`).not.toContain(secret);
        if (refused === 404 && target.missing) {
          tally.cases++;
          const missingUrl = target.missing(ids);
          const missing = await request(api, target, missingUrl);
          expect(missing.status(), `${identity} → ${missingUrl}`).toBe(404);
          const [theirs, nobodys] = [normalized(body, url), normalized(await missing.text(), missingUrl)];
          expect(difference(theirs, nobodys), `${label}: the same answer as for an id that does not exist`).toBe("");
        }
      }
    });
  }
});
