import { describe, expect, it } from "vitest";
import { bilingualReportStrings } from "@/lib/certificates/bilingual-strings";
import { renderStudyReportPdf, reportFigure, reportPercent } from "@/lib/certificates/study-report-pdf";
import { buildStudyReportData } from "@/lib/rules/study-report";
import { pdfPages } from "../../support/pdf-text";
import { GRID, inventoryFixture, TRUCK } from "./fixtures";

const SECTIONS = [
  ["1", "目的与范围", "Goal and scope"],
  ["2", "产品与声明单位", "Product and declared unit"],
  ["3", "系统边界", "System boundary"],
  ["4", "数据收集", "Data collection"],
  ["5", "分配", "Allocation"],
  ["6", "数据质量", "Data quality"],
  ["7", "全球变暖潜势", "Global warming potentials"],
  ["8", "结果", "Results"],
  ["9", "敏感性分析", "Sensitivity check"],
  ["10", "局限性", "Limitations"],
  ["11", "核查", "Verification"],
] as const;

function reportData(verified: boolean) {
  const inventory = inventoryFixture();
  return buildStudyReportData({
    inventory,
    category: { nameZh: "笔记本电脑", nameEn: "Laptop computers" },
    enterprise: { name: "重庆渝新电子科技有限公司", nameEn: "Chongqing Yuxin Electronics Co.", creditCode: "91500106MA5U7G8H9J" },
    factors: [GRID, TRUCK],
    basis: verified ? { kind: "certificate", number: "CFP-CQ-2026-7K3M9Q" } : { kind: "calculation", calculatedOn: "2026-03-01" },
    reportDate: "2026-03-15",
    verification: verified
      ? {
          bodyName: "中环联合（重庆）认证中心",
          bodyNameEn: "CEC Chongqing",
          accreditationNo: "CNCA-R-2026-017",
          leadVerifier: "王核查",
          reviewer: "李评定",
          statement: "经核查，该产品碳足迹量化符合 GB/T 24067-2024 的要求。",
          certificateNumber: "CFP-CQ-2026-7K3M9Q",
          issuedOn: "2026-03-15",
          expiresOn: "2028-03-15",
          publicUrl: "https://carbonlabel.example.org/labels/CFP-CQ-2026-7K3M9Q",
        }
      : null,
  });
}

describe("CFP study report PDF", () => {
  it("has the standard's sections in order, a table of contents that points at them, and page numbers", async () => {
    const pages = await pdfPages(await renderStudyReportPdf(reportData(true), bilingualReportStrings()));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages[0]).toContain("产品碳足迹研究报告");
    expect(pages[0]).toContain("Product Carbon Footprint Study Report");

    // Each section starts on the page the table of contents names, in the standard's order.
    const toc = pages[1].split("\n");
    expect(toc).toContain("目录 / Contents");
    let previousPage = 3;
    for (const [number, zh, en] of SECTIONS) {
      const entry = toc.indexOf(`${number} ${zh}`);
      expect(entry, `${number} ${zh} in the contents`).toBeGreaterThan(0);
      const page = Number(toc[entry + 1]);
      expect(toc[entry + 2]).toBe(en);
      expect(page).toBeGreaterThanOrEqual(previousPage);
      expect(pages[page - 1].split("\n")).toContain(`${number} ${zh}`);
      previousPage = page;
    }
    pages.slice(1).forEach((text, index) => {
      expect(text).toContain(`第 ${index + 2} 页，共 ${pages.length} 页 · Page ${index + 2} of ${pages.length}`);
    });
  });

  it("prints the figures of the stored calculation", async () => {
    const data = reportData(true);
    const calculation = inventoryFixture().calculation;
    const text = (await pdfPages(await renderStudyReportPdf(data, bilingualReportStrings()))).join("\n");
    // The headline, rounded and at full precision, per declared unit and for the period.
    expect(text).toContain(`产品碳足迹：${reportFigure(calculation.result)} kg CO2e / 件 / Carbon footprint: ${reportFigure(calculation.result)} kg CO2e per piece`);
    expect(text).toContain(calculation.result);
    expect(text).toContain(calculation.totalPeriod);
    // Every stage of the boundary, its share, and the fossil / biogenic / land-use split.
    for (const stage of ["raw_material", "production", "distribution"] as const) {
      expect(text).toContain(reportFigure(calculation.byStage[stage]!));
    }
    expect(text).toContain(reportFigure(calculation.byCategory.fossil));
    // Every hotspot's emissions and share, and each sensitivity case's recalculated result.
    for (const hotspot of calculation.hotspots) {
      expect(text).toContain(reportFigure(hotspot.emissions));
      expect(text).toContain(reportPercent(hotspot.share));
    }
    for (const item of data.sensitivity) {
      expect(text).toContain(reportFigure(item.result));
      expect(text).toContain(reportPercent(item.change, true));
    }
    // Data quality and primary share, the factors' databases and versions, the GWP used.
    expect(text).toContain(calculation.dataQuality);
    expect(text).toContain(reportPercent(calculation.primaryShare));
    expect(text).toContain("CPCD 2023, CN 2023, v2");
    expect(text).toContain("cn.electricity.national.2024");
    expect(text).toContain("HFC-134a");
    expect(text).toContain("1530");
    // Allocation and the verification.
    expect(text).toContain("0.4");
    expect(text).toContain("CFP-CQ-2026-7K3M9Q");
    expect(text).toContain("CNCA-R-2026-017");
    expect(text).toContain("经核查，该产品碳足迹量化符合 GB/T 24067-2024 的要求。");
  });

  it("names each gas in both languages, telling the fossil and non-fossil methane apart (issue 17)", async () => {
    const data = reportData(true);
    const gasLine = data.lines.find((line) => line.gas);
    if (!gasLine?.gas) throw new Error("the fixture has a direct-gas line");
    gasLine.gas = { name: "CH4_fossil", gwp: "29.8" };
    data.gwp.gases = [
      { gas: "CH4_fossil", value: "29.8", emissionCategory: "fossil" },
      { gas: "CH4_non_fossil", value: "27.0", emissionCategory: "biogenic" },
    ];
    const text = (await pdfPages(await renderStudyReportPdf(data, bilingualReportStrings()))).join("\n");
    // (A table cell wraps its lines where it must.)
    expect(text).toMatch(/Direct emission of Methane \(fossil\),\s+GWP100\s+29\.8/);
    expect(text).toContain("甲烷（化石源）");
    expect(text).toContain("甲烷（非化石源） / Methane (non-fossil)");
    expect(text).not.toMatch(/emission of CH4_fossil/);
  });

  it("names the stages outside the boundary and says when it is not yet verified", async () => {
    const text = (await pdfPages(await renderStudyReportPdf(reportData(false), bilingualReportStrings()))).join("\n");
    expect(text).toContain("使用 / Use; 废弃处置 / End of life");
    expect(text).toContain("尚未核查");
    expect(text).toContain("Not yet verified.");
  });

  it("renders the same bytes for the same data", async () => {
    const strings = bilingualReportStrings();
    const [first, second] = [await renderStudyReportPdf(reportData(true), strings), await renderStudyReportPdf(reportData(true), strings)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
