import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { assertSafeKey, StorageUnavailableError, type ObjectStorage, type StoredObject } from "./types";

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

/** Files under one directory, a key's segments as sub-directories. For one machine. */
export class LocalDiskStorage implements ObjectStorage {
  readonly kind = "local";

  constructor(private readonly root: string) {}

  private pathFor(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathFor(key);
    // Written aside under a name of its own, then renamed: a reader never sees a half-written
    // file, and two writers of the same key do not write into each other's file.
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.writeFile(partial, bytes);
      await fs.promises.rename(partial, target);
    } catch (error) {
      await fs.promises.rm(partial, { force: true }).catch(() => undefined);
      throw new StorageUnavailableError("put", key, error);
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const target = this.pathFor(key);
    let file: fs.promises.FileHandle;
    try {
      file = await fs.promises.open(target, "r");
    } catch (error) {
      if (isMissing(error)) return null;
      throw new StorageUnavailableError("get", key, error);
    }
    try {
      const { size } = await file.stat();
      // The open handle keeps serving the bytes even if the file is deleted meanwhile.
      const body = Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>;
      return { body, size };
    } catch (error) {
      await file.close();
      throw new StorageUnavailableError("get", key, error);
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathFor(key), fs.constants.R_OK);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw new StorageUnavailableError("exists", key, error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await fs.promises.rm(this.pathFor(key), { force: true });
    } catch (error) {
      throw new StorageUnavailableError("delete", key, error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const directory = this.pathFor(prefix.replace(/\/+$/, ""));
    try {
      const entries = await fs.promises.readdir(directory, { withFileTypes: true });
      return entries.filter((entry) => entry.isFile() && !entry.name.endsWith(".partial")).map((entry) => `${prefix}${entry.name}`);
    } catch (error) {
      if (isMissing(error)) return [];
      throw new StorageUnavailableError("list", prefix, error);
    }
  }

  async check(): Promise<void> {
    try {
      await fs.promises.mkdir(this.root, { recursive: true });
      await fs.promises.access(this.root, fs.constants.R_OK | fs.constants.W_OK);
    } catch (error) {
      throw new StorageUnavailableError("check", this.root, error);
    }
  }
}
