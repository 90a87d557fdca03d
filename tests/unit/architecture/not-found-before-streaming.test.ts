import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A page with an id in its path answers 404 (or 403) only if it refuses before
 * the response starts. A `loading.tsx` in the same segment or above wraps the
 * page in a Suspense boundary, so the loading state streams first with status
 * 200 and a later `notFound()` can no longer change it (issue 11, defect 8).
 */
const appDir = path.resolve(import.meta.dirname, "../../../app");

function filesNamed(dir: string, name: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => path.relative(appDir, path.join(entry.parentPath, entry.name)));
}

/** The segments from app/ down to a file's folder, e.g. ["", "verifier", "verifier/applications", …]. */
function ancestorsOf(file: string): string[] {
  const parts = path.dirname(file).split(path.sep).filter((part) => part !== ".");
  return parts.map((_, index) => parts.slice(0, index + 1).join(path.sep)).concat("");
}

const dynamicPages = filesNamed(appDir, "page.tsx").filter((file) => /\[[^\]]+\]/.test(file));
const loadingSegments = new Set(filesNamed(appDir, "loading.tsx").map((file) => path.dirname(file).replace(/^\.$/, "")));

describe("pages with an id refuse before anything streams", () => {
  it("finds the dynamic pages", () => {
    expect(dynamicPages.length).toBeGreaterThanOrEqual(4);
  });

  it.each(dynamicPages)("%s has no loading boundary in its segment or above", (page) => {
    expect(ancestorsOf(page).filter((segment) => loadingSegments.has(segment))).toEqual([]);
  });
});
