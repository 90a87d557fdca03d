/** A stored object on its way to a response: a byte stream and its length. */
export type StoredObject = { body: ReadableStream<Uint8Array>; size: number };

export interface ObjectStorage {
  /** "s3" or "local", for the health report. */
  readonly kind: "s3" | "local";
  /** Stores the bytes under `key`; an existing object is replaced whole (never seen half-written). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object as a stream, or null when nothing is stored under `key`. */
  get(key: string): Promise<StoredObject | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** The keys stored under `prefix` (which ends with "/"). */
  list(prefix: string): Promise<string[]>;
  /** Throws StorageUnavailableError when the storage cannot be written and read. */
  check(): Promise<void>;
}

/**
 * The storage did not answer or refused the request (network, credentials, full disk). A missing
 * object is not an error: `get` answers null and `exists` false.
 */
export class StorageUnavailableError extends Error {
  constructor(operation: string, key: string, cause: unknown) {
    super(`storage ${operation} of ${key} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "StorageUnavailableError";
  }
}

/**
 * Keys are made by the app: segments of letters, digits, `_`, `-` and inner dots, joined by "/".
 * Anything else is refused, so no key can escape the local root or address another bucket path.
 */
const SAFE_KEY = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split("/").some((segment) => segment.includes(".."))) {
    throw new Error(`Invalid storage key: ${key}`);
  }
}
