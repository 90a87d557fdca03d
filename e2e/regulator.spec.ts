import fs from "node:fs";
import { expect, test } from "@playwright/test";
import auditCatalog from "../lib/i18n/messages/en/audit.json";
import benchmarksCatalog from "../lib/i18n/messages/en/benchmarks.json";
import factorsCatalog from "../lib/i18n/messages/en/factors.json";
import { en, signIn, toastRegion, useEnglish } from "./support";

const t = { ...en, audit: auditCatalog, benchmarks: benchmarksCatalog, factors: factorsCatalog };

test.describe("regulator", () => {
  test.beforeEach(async ({ context, page }) => {
    await useEnglish(context);
    await signIn(page, "bureau@demo.carbonlabel.org");
  });

  test("filters the dashboard and exports the filtered figures as CSV", async ({ page }) => {
    await page.goto("/regulator");
    await expect(page.getByRole("heading", { level: 1, name: t.regulator.dashboardTitle })).toBeVisible();
    const enterprises = page.getByText(t.regulator.enterprises, { exact: true }).locator("xpath=following-sibling::p");
    await expect(enterprises).toHaveText(/^[1-9]\d*$/);
    await expect(page.getByRole("table", { name: t.regulator.applicationsByStage })).toBeVisible();

    const filters = page.getByRole("form", { name: t.regulator.filters });
    await filters.getByLabel(t.regulator.category).selectOption("laptop");
    await filters.getByRole("button", { name: t.regulator.applyFilters }).click();
    await expect(page).toHaveURL(/category=laptop/);
    await expect(page.getByRole("form", { name: t.regulator.filters }).getByLabel(t.regulator.category)).toHaveValue("laptop");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: t.regulator.exportCsv }).click();
    const csv = fs.readFileSync((await (await download).path())!, "utf8");
    expect(csv).toContain("section,key,sub_key,value");
    expect(csv).toContain("filter,category,,laptop");
    expect(csv).toMatch(/totals,enterprises,,\d+/);
  });

  test("previews and saves a new benchmark version", async ({ page }) => {
    await page.goto("/regulator/benchmarks");
    const form = page.getByRole("form", { name: t.benchmarks.newVersion });
    await form.getByLabel(t.benchmarks.category).selectOption("tyre");
    await form.getByLabel(/Benchmark \(kg CO2e per/).fill("40");
    await form.getByLabel(t.benchmarks.source).fill("Pilot tyre study 2026");
    await form.getByLabel(t.benchmarks.effectiveFrom).fill("2026-07-01");
    await expect(form.getByRole("button", { name: t.benchmarks.save })).toBeDisabled();
    await form.getByRole("button", { name: t.benchmarks.preview }).click();
    await expect(form.getByRole("table", { name: t.benchmarks.previewTitle })).toBeVisible();
    await expect(form.getByRole("columnheader", { name: t.benchmarks.proposedVersion })).toBeVisible();
    await form.getByRole("button", { name: t.benchmarks.save }).click();
    // The success message is a toast in the page's live region, not a line left in the form.
    await expect(toastRegion(page).getByText(t.benchmarks.saved)).toBeVisible();
    await expect(form.getByText(t.benchmarks.saved)).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: "Tyres" }).filter({ hasText: "Pilot tyre study 2026" })).toBeVisible();
  });

  test("adds a factor, then a new version of it, keeping the history", async ({ page }) => {
    const key = `e2e.steam.${Date.now()}`;
    await page.goto("/regulator/factors");
    await page.getByRole("link", { name: t.factors.newFactor }).click();
    await expect(page).toHaveURL(/\/regulator\/factors\/new$/);
    const create = page.getByRole("form", { name: t.factors.newFactor });
    await create.getByLabel(t.factors.key).fill(key);
    await create.getByLabel(t.factors.nameZh).fill("工业蒸汽");
    await create.getByLabel(t.factors.nameEn).fill("Industrial steam");
    await create.getByLabel(t.factors.category, { exact: true }).fill("energy");
    await create.getByLabel(t.factors.value).fill("0.11");
    await create.getByLabel(t.factors.unit, { exact: true }).selectOption("MJ");
    await create.getByLabel(t.factors.source).fill("Supplier declaration 2025");
    await create.getByRole("button", { name: t.factors.saveFactor }).click();
    await expect(create.getByText(`Saved ${key} version 1.`)).toBeVisible();

    await page.goto(`/regulator/factors?key=${key}`);
    const version = page.getByRole("form", { name: t.factors.newVersion });
    // The form starts from the current version once hydrated; typing before that would be lost.
    await expect(version.getByLabel(t.factors.value)).toHaveValue("0.11");
    await version.getByLabel(t.factors.value).fill("0.12");
    await version.getByLabel(t.factors.source).fill("Supplier declaration 2026");
    await version.getByRole("button", { name: t.factors.saveVersion }).click();
    await expect(version.getByText(`Saved ${key} version 2.`)).toBeVisible();
    // The impact is computed by the factor-impact job after the save; the page refreshes itself until the run is done.
    await expect(version.getByText(t.factors.impactRuns.queued)).toBeVisible();
    const run = page.getByRole("region", { name: `Impact run of ${key} version 2` });
    await expect(run.getByText(t.factors.impactRuns.status.done)).toBeVisible({ timeout: 30_000 });
    await expect(run.getByText(t.factors.noAffected)).toBeVisible();
    await page.reload();
    const history = page.getByRole("table", { name: `History of ${key}` });
    await expect(history.getByRole("row")).toHaveCount(3);
    await expect(history.getByRole("row").filter({ hasText: "v1" })).not.toContainText(t.factors.current);
  });

  test("sees the audit events and verifies the chain", async ({ page }) => {
    await page.goto("/regulator/audit");
    await expect(page.getByRole("heading", { level: 1, name: t.audit.title })).toBeVisible();
    await page.getByLabel(t.audit.filter.action).selectOption("benchmark.createVersion");
    await page.getByRole("button", { name: t.audit.apply }).click();
    await expect(page).toHaveURL(/action=benchmark.createVersion/);
    await expect(page.getByRole("table", { name: t.audit.events }).getByRole("row").nth(1)).toContainText(t.audit.actions.benchmark.createVersion);
    await page.getByRole("button", { name: t.audit.verifyChain }).click();
    await expect(page.getByText(/The chain is intact: \d+ events checked\./)).toBeVisible({ timeout: 30_000 });
  });
});
