import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db";

/**
 * The key-encryption key (KEK) that seals every verification body's private signing key at rest
 * (AES-256-GCM, Node's OpenSSL). `KEY_ENCRYPTION_KEY`: 32 random bytes, base64 or hex. Demo mode
 * (no DATABASE_URL) without it generates one under the data dir and warns; production mode
 * without it refuses to start, as a lost or guessed KEK would expose or lose every key.
 */
const KEK_BYTES = 32;
const IV_BYTES = 12;
const SEAL_VERSION = "v1";

const globalForKek = globalThis as unknown as { carbonlabelKek?: Buffer };

function isProductionMode(): boolean {
  // Demo mode = the embedded database (lib/startup.ts); a real PostgreSQL in a production build is production.
  return !!process.env.DATABASE_URL && process.env.NODE_ENV === "production";
}

export class KeyEncryptionKeyError extends Error {}

export function parseKeyEncryptionKey(value: string): Buffer {
  const text = value.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (bytes.length !== KEK_BYTES) {
    throw new KeyEncryptionKeyError(
      `KEY_ENCRYPTION_KEY must be ${KEK_BYTES} random bytes, base64 or hex encoded (e.g. \`openssl rand -base64 32\`); it decodes to ${bytes.length} bytes.`,
    );
  }
  return bytes;
}

function demoKeyEncryptionKey(): Buffer {
  const file = path.join(dataDir(), "key-encryption-key");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(KEK_BYTES).toString("base64"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Kept from an earlier start (or written a moment ago by another process): use it.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  console.warn(`[carbonlabel] KEY_ENCRYPTION_KEY not set: signing keys are sealed with the generated key in ${file} (demo mode only).`);
  return parseKeyEncryptionKey(fs.readFileSync(file, "utf8"));
}

/** The KEK, resolved once per process. */
function keyEncryptionKey(): Buffer {
  if (globalForKek.carbonlabelKek) return globalForKek.carbonlabelKek;
  const configured = process.env.KEY_ENCRYPTION_KEY;
  let kek: Buffer;
  if (configured) {
    kek = parseKeyEncryptionKey(configured);
  } else if (isProductionMode()) {
    throw new KeyEncryptionKeyError(
      "KEY_ENCRYPTION_KEY is not set. Set it to 32 random bytes, base64 encoded (e.g. `openssl rand -base64 32`), before starting CarbonLabel with DATABASE_URL: it encrypts the verification bodies' signing keys. Keep it apart from the database backups.",
    );
  } else {
    kek = demoKeyEncryptionKey();
  }
  globalForKek.carbonlabelKek = kek;
  return kek;
}

/** A short fingerprint of the KEK, kept with each sealed key so a wrong KEK is named as such. */
function kekId(kek: Buffer): string {
  return crypto.createHash("sha256").update(kek).digest("hex").slice(0, 16);
}

/**
 * Seals `plaintext` as `v1.<kek id>.<iv>.<tag>.<ciphertext>` (base64url). `context` is bound as
 * additional authenticated data, so a sealed key copied onto another row does not open.
 */
export function sealSecret(plaintext: Buffer, context: string, kek: Buffer = keyEncryptionKey()): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", kek, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [SEAL_VERSION, kekId(kek), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function openSecret(sealed: string, context: string, kek: Buffer = keyEncryptionKey()): Buffer {
  const [version, sealedKekId, iv, tag, ciphertext] = sealed.split(".");
  if (version !== SEAL_VERSION || !ciphertext) throw new KeyEncryptionKeyError("Unreadable sealed signing key.");
  if (sealedKekId !== kekId(kek)) {
    throw new KeyEncryptionKeyError(
      "This signing key was sealed with another KEY_ENCRYPTION_KEY: start CarbonLabel with the key-encryption key the keys were created under.",
    );
  }
  const decipher = crypto.createDecipheriv("aes-256-gcm", kek, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
  } catch {
    throw new KeyEncryptionKeyError("A sealed signing key failed its integrity check: it was altered or belongs to another row.");
  }
}

/** Start-up: resolve the KEK now (refuse or warn at once, not at the first approval). */
export function ensureKeyEncryptionKey(): void {
  keyEncryptionKey();
}
