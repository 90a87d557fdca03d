import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readBoundedBody, readBoundedForm } from "@/lib/http/bounded-body";
import { MAX_IMPORT_ROWS } from "@/lib/import/inventory-columns";
import { parseInventoryXlsx } from "@/lib/import/inventory-import";
import { inspectXlsxPackage } from "@/lib/evidence/xlsx-package";
import { sheetWithRows, zipPackage } from "../../support/zip";

const LIMITS = { maxUncompressedBytes: 64 * 1024 * 1024, maxEntries: 1_000, maxRowsPerSheet: MAX_IMPORT_ROWS + 1 };

/** A chunked body with no Content-Length: 64 KiB chunks for as long as it is read, counting what was pulled. */
function endlessRequest(totalBytes: number) {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/upload", { method: "POST", body, duplex: "half", headers: { "content-type": "multipart/form-data; boundary=x" } } as RequestInit);
  return { request, pulled };
}

describe("bounded request bodies (issue 11, defect 11)", () => {
  it("stops reading a 60 MB chunked body without Content-Length at the limit", async () => {
    const { request, pulled } = endlessRequest(60 * 1024 * 1024);
    expect(request.headers.get("content-length")).toBeNull();
    const limit = 21 * 1024 * 1024;
    expect(await readBoundedBody(request, limit)).toEqual({ ok: false, reason: "too_large" });
    // At most a little read-ahead past the limit, never the whole 60 MB.
    expect(pulled.bytes).toBeLessThan(limit + 1024 * 1024);
  });

  it("refuses a declared length above the limit without reading the body", async () => {
    const { request, pulled } = endlessRequest(1024 * 1024);
    const declared = new Request(request, { headers: { "content-length": String(30 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" } });
    expect(await readBoundedForm(declared, 1024)).toEqual({ ok: false, reason: "too_large" });
    // Only what the stream buffers ahead by itself, never the declared 30 MB.
    expect(pulled.bytes).toBeLessThanOrEqual(256 * 1024);
  });

  it("reads a form within the limit", async () => {
    const form = new FormData();
    form.set("file", new File(["a,b\n1,2\n"], "x.csv"));
    const request = new Request("http://localhost/upload", { method: "POST", body: form });
    const read = await readBoundedForm(request, 1024 * 1024);
    expect(read.ok && (read.form.get("file") as File).name).toBe("x.csv");
  });
});

describe("XLSX packages checked before loading (issue 11, defect 11)", () => {
  it("accepts a real workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Inventory").addRow(["stage", "description"]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(inspectXlsxPackage(bytes, LIMITS)).toEqual({ ok: true });
  });

  it("refuses a package that inflates beyond the budget, even when it declares less", () => {
    const bomb = zipPackage([{ name: "xl/worksheets/sheet1.xml", content: new Uint8Array(80 * 1024 * 1024) }]);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const started = performance.now();
    expect(inspectXlsxPackage(bomb, LIMITS)).toEqual({ ok: false, problem: "tooLarge" });
    // Lie about the size: the central directory says 1 KB.
    const view = new DataView(bomb.buffer);
    const directory = view.getUint32(bomb.byteLength - 6, true);
    view.setUint32(directory + 24, 1024, true);
    expect(inspectXlsxPackage(bomb, LIMITS)).toEqual({ ok: false, problem: "tooLarge" });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("refuses a worksheet of more rows than an import may have, before exceljs loads it", async () => {
    const workbook = zipPackage([{ name: "xl/worksheets/sheet1.xml", content: sheetWithRows(MAX_IMPORT_ROWS + 2) }]);
    expect(inspectXlsxPackage(workbook, LIMITS)).toEqual({ ok: false, problem: "tooManyRows" });
    const parsed = await parseInventoryXlsx(workbook);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0].message).toMatch(/^import\.errors\.tooManyRows/);
  });

  it("refuses what is not a ZIP package", () => {
    expect(inspectXlsxPackage(new TextEncoder().encode("PK\u0003\u0004 not really"), LIMITS)).toEqual({ ok: false, problem: "unreadable" });
    expect(inspectXlsxPackage(new Uint8Array(0), LIMITS)).toEqual({ ok: false, problem: "unreadable" });
  });
});
