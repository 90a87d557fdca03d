/**
 * Certificate PDFs and label PNGs take a moment to draw (fonts, rasterizing) and never change for
 * the same inputs, so each is drawn once and kept in object storage, by certificate and language:
 * `artifacts/<number>/<locale>/<kind>-<sha256>.<ext>`. The SHA-256 covers everything the drawing
 * depends on — the snapshot data, the public URL in the QR code, the catalog strings — and the
 * build, since a release may change the layout; a change of any of them is a new key, never a
 * stale file. Older versions of the same kind are removed when a new one is stored.
 */
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { objectStorage } from "./index";

type ArtifactRequest = {
  certificateNumber: string;
  locale: string;
  /** e.g. "certificate" (the PDF) or "label" (the PNG). */
  kind: string;
  extension: string;
  contentType: string;
  /** Everything the rendering reads, JSON-serializable. */
  inputs: unknown;
};

/** What a download route sends: the stored stream, or the bytes just drawn. */
type Artifact = { body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>; size: number };

let cachedBuildId: string | undefined;

/** The Next.js build serving this process ("unbuilt" outside a production build, e.g. tests). */
function buildId(): string {
  if (cachedBuildId === undefined) {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
    try {
      cachedBuildId = fs.readFileSync(file, "utf8").trim();
    } catch {
      cachedBuildId = "unbuilt";
    }
  }
  return cachedBuildId;
}

function artifactKey(request: ArtifactRequest): string {
  const digest = createHash("sha256").update(JSON.stringify({ build: buildId(), inputs: request.inputs })).digest("hex");
  return `${artifactPrefix(request)}${request.kind}-${digest}.${request.extension}`;
}

function artifactPrefix(request: ArtifactRequest): string {
  return `artifacts/${request.certificateNumber}/${request.locale}/`;
}

async function removeOlderVersions(request: ArtifactRequest, currentKey: string): Promise<void> {
  const storage = objectStorage();
  const stale = (await storage.list(artifactPrefix(request))).filter(
    (key) => key !== currentKey && key.slice(artifactPrefix(request).length).startsWith(`${request.kind}-`),
  );
  await Promise.all(stale.map((key) => storage.delete(key)));
}

/**
 * The stored artifact, streamed; on a miss it is drawn by `render`, stored and returned. Storage
 * trouble never fails the download: it is logged and the freshly drawn bytes are served.
 */
export async function cachedArtifact(
  request: ArtifactRequest,
  render: () => Promise<Uint8Array<ArrayBuffer>>,
): Promise<Artifact> {
  const storage = objectStorage();
  const key = artifactKey(request);
  try {
    const stored = await storage.get(key);
    if (stored) return stored;
  } catch (error) {
    console.error(`[artifacts] reading ${key} failed; drawing it afresh:`, error);
    const bytes = await render();
    return { body: bytes, size: bytes.byteLength };
  }
  const bytes = await render();
  try {
    await storage.put(key, bytes, request.contentType);
    await removeOlderVersions(request, key);
  } catch (error) {
    console.error(`[artifacts] keeping ${key} failed:`, error);
  }
  return { body: bytes, size: bytes.byteLength };
}
