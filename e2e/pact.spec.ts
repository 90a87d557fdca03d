/**
 * The PACT v3 host end to end, over HTTPS behind Caddy as the conformance suite reaches it: the
 * demo PACT client gets a token, lists and gets schema-valid footprints, pages with absolute
 * links, filters (bogus values give empty lists), is refused over plain HTTP; then the laptop
 * enterprise registers the tests' own PACT host as a partner in the UI, and that host receives
 * the asynchronous RequestFulfilled and RequestRejected replies; the inbox shows what waits.
 */
import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pactCatalog from "../lib/i18n/messages/en/pact.json";
import type { ProductFootprint } from "../lib/pact/footprint";
import { productFootprintProblems } from "../lib/pact/validate";
import { DEMO_PACT_CLIENT } from "../lib/seed/demo-accounts";
import { BASE_URL, E2E_PARTNER_BASE_URL, E2E_PARTNER_SOCKET } from "../playwright.config";
import { startTestPactHost, TEST_PARTNER_CLIENT, type TestPactHost } from "../tests/support/pact-host";
import { en, signIn, useEnglish } from "./support";

const t = pactCatalog;
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

async function token(request: APIRequestContext): Promise<string> {
  const response = await request.post("/auth/token", {
    headers: { authorization: basic(DEMO_PACT_CLIENT.id, DEMO_PACT_CLIENT.secret), "content-type": "application/x-www-form-urlencoded" },
    data: "grant_type=client_credentials",
  });
  expect(response.status()).toBe(200);
  return (await response.json()).access_token;
}

async function footprints(request: APIRequestContext, accessToken: string, query = "") {
  const response = await request.get(`/3/footprints${query}`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(response.status(), query).toBe(200);
  const body = (await response.json()) as { data: ProductFootprint[] };
  for (const footprint of body.data) expect(productFootprintProblems(footprint), footprint.id).toEqual([]);
  return { body, link: response.headers()["link"] ?? null };
}

/** A request in plain HTTP to the HTTPS port, as the conformance suite sends it: it must not succeed. */
function plainHttp(path: string, method: "GET" | "POST"): Promise<{ status: number; body: string } | { error: string }> {
  const url = new URL(path, BASE_URL.replace("https:", "http:"));
  return new Promise((resolve) => {
    const request = http.request(url, { method, headers: { authorization: basic(DEMO_PACT_CLIENT.id, DEMO_PACT_CLIENT.secret) } }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", (error) => resolve({ error: error.message }));
    request.end(method === "POST" ? "grant_type=client_credentials" : undefined);
  });
}

test.describe("the PACT v3 host over HTTPS", () => {
  test("authenticates, serves schema-valid footprints with filters and absolute pagination links, and refuses plain HTTP", async ({ request }) => {
    const discovery = await (await request.get("/.well-known/openid-configuration")).json();
    expect(discovery.token_endpoint).toBe(`${BASE_URL}/auth/token`);
    const refused = await request.post("/auth/token", {
      headers: { authorization: basic("unknown-client", "wrong"), "content-type": "application/x-www-form-urlencoded" },
      data: "grant_type=client_credentials",
    });
    expect([400, 401]).toContain(refused.status());
    expect(await refused.json()).toMatchObject({ error: "invalid_client" });

    const accessToken = await token(request);
    const all = await footprints(request, accessToken);
    expect(all.body.data.length).toBeGreaterThanOrEqual(2);
    const [first] = all.body.data;
    expect(first.extensions[0].data.credential.id).toMatch(/^data:application\/vc\+jwt,/);

    // The extension's schema and documentation are published where the footprint says.
    const extension = first.extensions[0];
    const schema = await request.get(extension.dataSchema);
    expect(schema.status()).toBe(200);
    expect((await schema.json()).$id).toBe(extension.dataSchema);
    const documentation = await request.get(extension.documentation, { headers: { "accept-language": "en" } });
    expect(documentation.status()).toBe(200);
    expect(await documentation.text()).toContain(t.extensionDoc.title);

    const page = await footprints(request, accessToken, "?limit=1");
    expect(page.body.data).toHaveLength(1);
    const next = /^<([^>]+)>; rel="next"$/.exec(page.link ?? "")?.[1];
    expect(next?.startsWith(`${BASE_URL}/3/footprints?`)).toBe(true);
    const second = await footprints(request, accessToken, new URL(next!).search);
    expect(second.body.data.map((footprint) => footprint.id)).toEqual([all.body.data[1].id]);

    const encoded = (value: string) => encodeURIComponent(value);
    for (const query of [
      `?productId=${encoded(first.productIds[0])}`,
      `?companyId=${encoded(first.companyIds[0])}&companyId=urn:bogus:company:x`,
      `?geography=${encoded(first.pcf.geographyCountrySubdivision)}`,
      `?classification=${encoded(first.productClassifications[0])}`,
      `?validOn=${encoded(first.validityPeriodStart)}`,
      `?status=${first.status}`,
    ]) {
      expect((await footprints(request, accessToken, query)).body.data.map((footprint) => footprint.id), query).toContain(first.id);
    }
    for (const bogus of ["?productId=urn:bogus:product:x", "?geography=XX", "?validAfter=2099-12-31T23:59:59Z", "?validBefore=1900-01-01T00:00:00Z", "?status=BogusStatus"]) {
      expect((await footprints(request, accessToken, bogus)).body, bogus).toEqual({ data: [] });
    }

    const missing = await request.get("/3/footprints/00000000-0000-0000-0000-000000000000", { headers: { authorization: `Bearer ${accessToken}` } });
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ code: "NotFound", message: expect.any(String) });

    for (const [path, method] of [["/auth/token", "POST"], ["/3/footprints", "GET"], ["/3/events", "POST"]] as const) {
      const plain = await plainHttp(path, method);
      // Caddy answers plain HTTP on its TLS port with a bare 400 (or the connection fails): never the API.
      if ("status" in plain) {
        expect(plain.status, path).toBe(400);
        expect(plain.body).not.toContain("access_token");
        expect(plain.body).not.toContain('"data"');
      }
    }
  });
});

test.describe("asynchronous footprint requests", () => {
  let host: TestPactHost;

  test.beforeAll(async () => {
    host = await startTestPactHost({ socketPath: E2E_PARTNER_SOCKET });
  });

  test.afterAll(async () => {
    await host.close();
  });

  test("a registered partner's requests are fulfilled or rejected at its host, and the inbox shows what waits", async ({ page, request }) => {
    test.setTimeout(120_000);
    await useEnglish(page.context());
    await signIn(page, "laptop@demo.carbonlabel.org");
    await page.getByRole("link", { name: en.nav.pact }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: t.footprints.title })).toBeVisible();
    await expect(page.getByText("Yuxin 12-inch 2-in-1 laptop")).toBeVisible();

    await page.getByRole("link", { name: t.tabs.partners }).click();
    await page.getByLabel(t.partners.name).fill("E2E customer host");
    await page.getByLabel(t.partners.baseUrl).fill("http://insecure.example.com");
    await page.getByLabel(t.partners.clientId).fill(TEST_PARTNER_CLIENT.id);
    await page.getByLabel(t.partners.clientSecret).fill(TEST_PARTNER_CLIENT.secret);
    await page.getByRole("button", { name: t.partners.register }).click();
    await expect(page.getByText(t.validation.baseUrl)).toBeVisible();
    await page.getByLabel(t.partners.baseUrl).fill(E2E_PARTNER_BASE_URL);
    await page.getByRole("button", { name: t.partners.register }).click();
    await expect(page.getByText(t.partners.registered)).toBeVisible();
    await expect(page.getByRole("heading", { name: "E2E customer host" })).toBeVisible();

    const accessToken = await token(request);
    const [first] = (await footprints(request, accessToken)).body.data;
    const send = (id: string, data: Record<string, unknown>) =>
      request.post("/3/events", {
        headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/cloudevents+json; charset=UTF-8" },
        data: JSON.stringify({ specversion: "1.0", id, source: `${E2E_PARTNER_BASE_URL}/3/events`, time: new Date().toISOString(), type: "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3", data }),
      });

    const fulfilledId = `e2e-${Date.now()}-fulfilled`;
    const accepted = await send(fulfilledId, { productId: [first.productIds[0]], comment: "Please send PCF data for this year." });
    expect(accepted.status()).toBe(200);
    expect(await accepted.text()).toBe("");
    const fulfilled = await host.nextEvent((event) => event.body.data.requestEventId === fulfilledId);
    expect(fulfilled.body.type).toBe("org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3");
    expect(fulfilled.body.source).toBe(`${BASE_URL}/3/events`);
    const pfs = fulfilled.body.data.pfs as ProductFootprint[];
    expect(pfs.map((footprint) => footprint.id)).toContain(first.id);
    for (const footprint of pfs) expect(productFootprintProblems(footprint)).toEqual([]);

    const rejectedId = `e2e-${Date.now()}-rejected`;
    expect((await send(rejectedId, { productId: ["urn:pact:null"], comment: "Nothing matches this." })).status()).toBe(200);
    const rejected = await host.nextEvent((event) => event.body.data.requestEventId === rejectedId);
    expect(rejected.body).toMatchObject({
      type: "org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3",
      data: { error: { code: "NotFound", message: expect.any(String) } },
    });

    // A source nobody registered is refused: the platform never calls an arbitrary address.
    const stranger = await request.post("/3/events", {
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/cloudevents+json" },
      data: JSON.stringify({ specversion: "1.0", id: "e2e-stranger", source: "https://attacker.example.com", time: new Date().toISOString(), type: "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3", data: { productId: ["urn:pact:null"] } }),
    });
    expect(stranger.status()).toBe(403);

    await page.getByRole("link", { name: t.tabs.inbox }).click();
    await expect(page.getByRole("heading", { name: t.inbox.headings.unfulfilled })).toBeVisible();
    await expect(page.getByText("Nothing matches this.")).toBeVisible();
    await expect(page.getByText(t.inbox.rejected)).toBeVisible();
    await expect(page.getByText("Please send PCF data for this year.")).toHaveCount(0);
    await page.getByRole("link", { name: t.inbox.views.all }).click();
    await expect(page.getByText("Please send PCF data for this year.")).toBeVisible();
    await expect(page.getByText(t.inbox.replyStatus.delivered).first()).toBeVisible();
  });
});
