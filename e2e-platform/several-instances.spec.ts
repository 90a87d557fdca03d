import { createHash, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import enCertificates from "../lib/i18n/messages/en/certificates.json";
import enCommon from "../lib/i18n/messages/en/common.json";
import enEnterprise from "../lib/i18n/messages/en/enterprise.json";
import enEvidence from "../lib/i18n/messages/en/evidence.json";
import enLabels from "../lib/i18n/messages/en/labels.json";
import { onePagePdf } from "../e2e/support";
import { FRONT_URLS, INSTANCE_URLS } from "../playwright.platform.config";
import { signInAt, useEnglish } from "./support";

const [FIRST, SECOND] = INSTANCE_URLS;
const PRODUCT = "Yuxin Business 16-inch laptop";

/** The product's application on the instance at `baseUrl`; its address, the same on every instance. */
async function openApplication(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/enterprise`);
  await page.getByRole("link", { name: PRODUCT }).first().click();
  await expect(page).toHaveURL(/\/enterprise\/products\//);
  const existing = page.locator('a[href^="/enterprise/applications/"]');
  if (await existing.count()) await existing.first().click();
  else await page.getByRole("button", { name: enEnterprise.openApplication }).click();
  await expect(page).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test.describe("two instances on one database and one bucket", () => {
  test.beforeEach(async ({ context }) => useEnglish(context));

  test("both report themselves healthy with the shared storage", async ({ request }) => {
    for (const url of INSTANCE_URLS) {
      const report = await (await request.get(`${url}/api/health`)).json();
      expect(report).toMatchObject({ status: "ok", database: { status: "ok", kind: "postgres" }, storage: { status: "ok", kind: "s3" } });
    }
  });

  test("one user alternates: signs in on one, uploads through the other, downloads and deletes on the first", async ({ page }) => {
    await signInAt(page, FIRST, "laptop@demo.carbonlabel.org");

    // The session made by the first instance is honoured by the second.
    const applicationPath = await openApplication(page, SECOND);
    const fileName = `meter-reading-${randomUUID().slice(0, 8)}.pdf`;
    // A real one-page PDF (uploads are parsed), its bytes made this run's own by a trailing comment.
    const pdf = Buffer.concat([onePagePdf(), Buffer.from(`% ${fileName}\n`)]);
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    await page.getByLabel(enEvidence.chooseFile).first().setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: enEvidence.upload, exact: true }).first().click();
    await expect(page.getByText(sha256, { exact: false }).first()).toBeVisible();

    // The first instance lists the file and serves its bytes from the shared bucket.
    await page.goto(`${FIRST}${applicationPath}`);
    const link = page.getByRole("link", { name: enEvidence.downloadNamed.replace("{name}", fileName) });
    await expect(link).toBeVisible();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/api\/evidence\/[0-9a-f-]{36}$/);
    const download = await page.request.get(`${FIRST}${href}`);
    expect(download.status()).toBe(200);
    expect(createHash("sha256").update(await download.body()).digest("hex")).toBe(sha256);

    // A server action on the first instance; the second sees its effect.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: enEvidence.deleteNamed.replace("{name}", fileName) }).click();
    await expect(link).toHaveCount(0);
    expect((await page.request.get(`${SECOND}${href}`)).status()).toBe(404);
    await page.goto(`${SECOND}${applicationPath}`);
    await expect(page.getByRole("link", { name: enEvidence.downloadNamed.replace("{name}", fileName) })).toHaveCount(0);
  });

  test("a suspension made on one instance shows through its caching front on the next request", async ({ page, request }) => {
    const [front] = FRONT_URLS;
    await signInAt(page, FIRST, "bureau@demo.carbonlabel.org");
    await page.goto(`${FIRST}/regulator/certificates`);
    const firstValid = page.getByRole("row").filter({ has: page.getByText(enCommon.certificateStatus.valid, { exact: true }) }).first();
    const number = (await firstValid.getByRole("link", { name: /^CFP-/ }).first().innerText()).trim();
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: number, exact: true }) });

    // Scanned once: the front keeps the page and the JSON, and answers the next scan itself.
    const json = async () => (await request.get(`${front}/labels/${number}`, { headers: { Accept: "application/json" } })).json();
    expect(await json()).toMatchObject({ number, status: "valid" });
    const again = await request.get(`${front}/labels/${number}`, { headers: { Accept: "application/json" } });
    expect(again.headers()["x-varnish"]?.split(" ")).toHaveLength(2);
    const visitor = await page.context().browser()!.newPage({ locale: "en-US" });
    await visitor.goto(`${front}/labels/${number}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(new RegExp(enLabels.public.statusNow.valid));

    await row.getByLabel(enCertificates.manageFor.replace("{number}", number)).click();
    await row.getByLabel(enCertificates.action.label).selectOption("suspend");
    await row.getByLabel(enCertificates.reason).fill("Label shown on an uncertified model.");
    await row.getByRole("button", { name: enCertificates.action.suspend }).click();
    await expect(row.getByText(enCommon.certificateStatus.suspended)).toBeVisible();

    // The instance expired its own cache and banned the answers at the fronts: the next request
    // through its front is fresh, page and JSON alike.
    expect(await json()).toMatchObject({ number, status: "suspended" });
    await visitor.goto(`${front}/labels/${number}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(new RegExp(enLabels.public.statusNow.suspended));
    await visitor.close();
  });
});
