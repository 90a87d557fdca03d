import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { platformBaseUrl, publicBaseUrlProblem } from "@/lib/credentials/platform-base-url";
import { openSecret, parseKeyEncryptionKey, sealSecret } from "@/lib/keys/key-encryption";

describe("the key-encryption key", () => {
  it("takes 32 bytes as base64 or hex and refuses anything else with a clear message", () => {
    const key = crypto.randomBytes(32);
    expect(parseKeyEncryptionKey(key.toString("base64")).equals(key)).toBe(true);
    expect(parseKeyEncryptionKey(key.toString("hex")).equals(key)).toBe(true);
    expect(() => parseKeyEncryptionKey("too-short")).toThrow(/32 random bytes/);
  });

  it("seals with AES-256-GCM: opens only with the same key and the same context", () => {
    const kek = crypto.randomBytes(32);
    const secret = crypto.randomBytes(48);
    const sealed = sealSecret(secret, "key a", kek);
    expect(sealed).not.toContain(secret.toString("base64url"));
    expect(openSecret(sealed, "key a", kek).equals(secret)).toBe(true);
    expect(() => openSecret(sealed, "key b", kek)).toThrow(/integrity check/);
    expect(() => openSecret(sealed, "key a", crypto.randomBytes(32))).toThrow(/another KEY_ENCRYPTION_KEY/);
    const [version, kekId, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => openSecret([version, kekId, iv, tag, flipped.toString("base64url")].join("."), "key a", kek)).toThrow(/integrity check/);
  });
});

describe("PUBLIC_BASE_URL for credentials", () => {
  it("is required in production and must be an https origin there", () => {
    expect(publicBaseUrlProblem({}, true).error).toMatch(/PUBLIC_BASE_URL is not set/);
    expect(publicBaseUrlProblem({ PUBLIC_BASE_URL: "http://carbonlabel.example.cn" }, true).error).toMatch(/https/);
    expect(publicBaseUrlProblem({ PUBLIC_BASE_URL: "https://carbonlabel.example.cn/portal" }, true).error).toMatch(/without a path/);
    expect(publicBaseUrlProblem({ PUBLIC_BASE_URL: "not a url" }, true).error).toMatch(/absolute URL/);
    expect(publicBaseUrlProblem({ PUBLIC_BASE_URL: "https://carbonlabel.example.cn/" }, true)).toEqual({});
    expect(publicBaseUrlProblem({ PUBLIC_BASE_URL: "http://127.0.0.1:3105" }, true)).toEqual({});
  });

  it("falls back to this machine in demo mode, with a warning", () => {
    expect(publicBaseUrlProblem({}, false).warning).toMatch(/http:\/\/localhost:3000/);
    expect(platformBaseUrl({ PORT: "3105" })).toBe("http://localhost:3105");
    expect(platformBaseUrl({ PUBLIC_BASE_URL: "https://carbonlabel.example.cn/" })).toBe("https://carbonlabel.example.cn");
  });
});
