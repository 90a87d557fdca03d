/**
 * Where files live: evidence uploads and the cached certificate PDFs and label images. One
 * interface, two implementations — an S3-compatible bucket when `S3_BUCKET` is set (several
 * instances share it), the local disk under `DATA_DIR/storage` otherwise (the demo, one machine).
 * Downloads are streams end to end: nothing here holds a whole file in memory.
 */
import "server-only";
import path from "node:path";
import { dataDir } from "@/db";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage, s3ConfigFromEnv } from "./s3";
import type { ObjectStorage } from "./types";

export { StorageUnavailableError } from "./types";

const globalForStorage = globalThis as unknown as { carbonlabelStorage?: { signature: string; storage: ObjectStorage } };

/** The configured storage; one client per process (reused while the configuration is unchanged). */
export function objectStorage(): ObjectStorage {
  const s3 = s3ConfigFromEnv();
  const root = path.join(dataDir(), "storage");
  const signature = s3 ? JSON.stringify(s3) : `local:${root}`;
  const cached = globalForStorage.carbonlabelStorage;
  if (cached?.signature === signature) return cached.storage;
  const storage = s3 ? new S3Storage(s3) : new LocalDiskStorage(root);
  globalForStorage.carbonlabelStorage = { signature, storage };
  return storage;
}
