/**
 * Small real files of each kind for upload tests (the signatures are what
 * content detection reads).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/** A one-page PDF: an upload must parse as a PDF with pages, not merely start with %PDF. */
export const PDF_BYTES = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

/**
 * A PDF no other test uploads: stored bytes are shared by content (SHA-256 keys), so a test that
 * watches its file appear and go needs bytes of its own.
 */
export function uniquePdf(): Buffer {
  return Buffer.concat([PDF_BYTES, Buffer.from(`%${randomUUID()}\n`)]);
}

// A 1×1 PNG.
export const PNG_BYTES = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

export const EXE_BYTES = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"), Buffer.alloc(240)]);

export const HTML_BYTES = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");

export function fileOf(bytes: Uint8Array, name: string): File {
  return new File([new Uint8Array(bytes)], name);
}

/**
 * Evidence goes to a throw-away directory for this test file, unless the run
 * already has a data directory (the PGlite fallback), which is left alone.
 */
export function withTemporaryDataDir(): void {
  let created: string | null = null;
  beforeAll(() => {
    if (process.env.DATA_DIR) return;
    created = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-evidence-"));
    process.env.DATA_DIR = created;
  });
  afterAll(() => {
    if (!created) return;
    fs.rmSync(created, { recursive: true, force: true });
    delete process.env.DATA_DIR;
  });
}

/** Every file currently stored under the local storage root. */
export function storedEvidenceFiles(): string[] {
  const root = path.join(process.env.DATA_DIR ?? ".data", "storage");
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
