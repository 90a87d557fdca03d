import ExcelJS from "exceljs";
import fc from "fast-check";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { checkEvidenceFile } from "@/lib/evidence/check-file";
import { PDF_BYTES, PNG_BYTES } from "../../support/evidence-files";
import { hostileUpload } from "../../support/hostile-uploads";

const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
  0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0xd2, 0xcf, 0x20, 0xff, 0xd9,
]);

describe("evidence file checks (issue 11, defect 10)", () => {
  it("accepts each allowed type whole, under its canonical name", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Data").addRow(["a", 1]);
    const xlsx = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const pdf = await PDFDocument.create();
    pdf.addPage();
    expect(await checkEvidenceFile(await pdf.save(), "Invoice.PDF")).toEqual({ ok: true, mimeType: "application/pdf", fileName: "Invoice.pdf" });
    expect(await checkEvidenceFile(PDF_BYTES, "meter.pdf")).toMatchObject({ ok: true });
    expect(await checkEvidenceFile(PNG_BYTES, "photo.png")).toMatchObject({ ok: true, mimeType: "image/png" });
    expect(await checkEvidenceFile(JPEG, "Scan.JPEG")).toEqual({ ok: true, mimeType: "image/jpeg", fileName: "Scan.jpg" });
    expect(await checkEvidenceFile(xlsx, "bills.xlsx")).toMatchObject({ ok: true });
    expect(await checkEvidenceFile(new TextEncoder().encode("month,kWh\n2026-01,1200\n"), "bills.csv")).toMatchObject({ ok: true, mimeType: "text/csv" });
    // GB18030, as Excel in Chinese saves a CSV: 月份,电量
    const gb = new Uint8Array([0xd4, 0xc2, 0xb7, 0xdd, 0x2c, 0xb5, 0xe7, 0xc1, 0xbf, 0x0a]);
    expect(await checkEvidenceFile(gb, "电费.csv")).toMatchObject({ ok: true });
  });

  it("refuses the files the issue found stored", async () => {
    expect(await checkEvidenceFile(new Uint8Array([0xff, 0xd8, 0xff]), "a.jpg")).toEqual({ ok: false, message: "evidence.errors.damaged" });
    expect(await checkEvidenceFile(new TextEncoder().encode("%PDF-"), "a.pdf")).toEqual({ ok: false, message: "evidence.errors.damaged" });
    expect(await checkEvidenceFile(PDF_BYTES, "invoice.pdf.exe")).toEqual({ ok: false, message: "evidence.errors.type" });
    expect(await checkEvidenceFile(PDF_BYTES, "polyglot.html")).toEqual({ ok: false, message: "evidence.errors.type" });
    expect(await checkEvidenceFile(PDF_BYTES, "invoice\u202Efdp.exe")).toEqual({ ok: false, message: "evidence.errors.fileName" });
    expect(await checkEvidenceFile(PNG_BYTES, "photo.pdf")).toEqual({ ok: false, message: "evidence.errors.mismatch" });
    for (const markup of ["<html><script>alert(1)</script></html>", "<svg onload=alert(1)>", "alert(document.cookie)", "function f(){}"]) {
      expect(await checkEvidenceFile(new TextEncoder().encode(markup), "data.csv"), markup).toMatchObject({ ok: false });
    }
  });

  it("refuses every generated hostile upload", async () => {
    await fc.assert(
      fc.asyncProperty(hostileUpload, async (upload) => !(await checkEvidenceFile(upload.bytes, upload.name)).ok),
      { numRuns: 150, seed: 10 },
    );
  });
});
