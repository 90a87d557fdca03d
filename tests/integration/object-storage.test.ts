import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { S3Storage, s3ConfigFromEnv } from "@/lib/storage/s3";
import { StorageUnavailableError, type ObjectStorage } from "@/lib/storage/types";
import { startS3Server, type S3TestServer } from "../support/s3-server";

/** Each backend with a way to make it unavailable and available again. */
type Backend = { storage: ObjectStorage; breakIt(): Promise<void>; repair(): Promise<void>; dispose(): Promise<void> };

async function localDisk(): Promise<Backend> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-storage-"));
  const root = path.join(parent, "storage");
  const aside = path.join(parent, "aside");
  return {
    storage: new LocalDiskStorage(root),
    // The root replaced by a plain file: the disk (mount) is gone; nothing can be written or read.
    async breakIt() {
      fs.mkdirSync(root, { recursive: true });
      fs.renameSync(root, aside);
      fs.writeFileSync(root, "not a directory");
    },
    async repair() {
      fs.rmSync(root);
      fs.renameSync(aside, root);
    },
    async dispose() {
      fs.rmSync(parent, { recursive: true, force: true });
    },
  };
}

async function s3(): Promise<Backend> {
  const server: S3TestServer = await startS3Server();
  return {
    storage: new S3Storage(s3ConfigFromEnv(server.env)!),
    breakIt: () => server.stop(),
    repair: () => server.start(),
    dispose: () => server.dispose(),
  };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Buffer; chunks: number }> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

describe.each([
  ["local disk", localDisk],
  ["S3 (s3rver on loopback)", s3],
])("object storage on %s", (_name, open) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(async () => {
    await backend.dispose();
  });

  it("stores, streams back, replaces and deletes an object", async () => {
    const { storage } = backend;
    const key = `evidence/${randomBytes(32).toString("hex")}`;
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, Buffer.from("first version"), "text/plain");
    expect(await storage.exists(key)).toBe(true);
    await storage.put(key, Buffer.from("second version"), "text/plain");
    const stored = await storage.get(key);
    expect(stored?.size).toBe("second version".length);
    expect((await readAll(stored!.body)).bytes.toString()).toBe("second version");

    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
  });

  it("answers null for a missing object and deletes a missing one quietly", async () => {
    const { storage } = backend;
    expect(await storage.get("evidence/never-stored")).toBeNull();
    await expect(storage.delete("evidence/never-stored")).resolves.toBeUndefined();
  });

  it("streams a 20 MB object in chunks rather than as one buffer", async () => {
    const { storage } = backend;
    const bytes = randomBytes(20 * 1024 * 1024);
    await storage.put("evidence/large", bytes, "application/octet-stream");
    const stored = await storage.get("evidence/large");
    expect(stored?.size).toBe(bytes.length);
    const { bytes: read, chunks } = await readAll(stored!.body);
    expect(read.equals(bytes)).toBe(true);
    expect(chunks).toBeGreaterThan(10);
    await storage.delete("evidence/large");
  });

  it("lists the keys under a prefix", async () => {
    const { storage } = backend;
    await storage.put("artifacts/CFP-T-1/en/label-a.png", Buffer.from("a"), "image/png");
    await storage.put("artifacts/CFP-T-1/en/certificate-b.pdf", Buffer.from("b"), "application/pdf");
    await storage.put("artifacts/CFP-T-1/zh-CN/label-c.png", Buffer.from("c"), "image/png");
    expect((await storage.list("artifacts/CFP-T-1/en/")).sort()).toEqual([
      "artifacts/CFP-T-1/en/certificate-b.pdf",
      "artifacts/CFP-T-1/en/label-a.png",
    ]);
    expect(await storage.list("artifacts/CFP-T-2/en/")).toEqual([]);
  });

  it("refuses keys that could leave the storage root", async () => {
    const { storage } = backend;
    for (const key of ["../outside", "evidence/../../etc/passwd", "/absolute", "evidence//double", "evidence/a b"]) {
      await expect(storage.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("reports an outage as StorageUnavailableError, and works again afterwards", async () => {
    const { storage } = backend;
    await storage.put("evidence/before-outage", Buffer.from("kept"), "text/plain");
    await storage.check();
    await backend.breakIt();
    try {
      await expect(storage.put("evidence/during-outage", Buffer.from("x"), "text/plain")).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.get("evidence/before-outage")).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.check()).rejects.toBeInstanceOf(StorageUnavailableError);
    } finally {
      await backend.repair();
    }
    await storage.check();
    expect((await readAll((await storage.get("evidence/before-outage"))!.body)).bytes.toString()).toBe("kept");
    expect(await storage.exists("evidence/during-outage")).toBe(false);
  });
});
