import { createHash } from "node:crypto";

import { canonicalJson } from "./snapshot";

/** Server-side only (node:crypto). */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** SHA-256 of a value's canonical JSON: the digest stored with snapshots. */
export function canonicalDigest(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
