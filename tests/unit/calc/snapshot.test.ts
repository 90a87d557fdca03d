import { describe, expect, it } from "vitest";

import { canonicalDigest, sha256Hex } from "@/lib/calc/digest";
import { canonicalJson } from "@/lib/calc/snapshot";

describe("canonicalJson", () => {
  it("sorts keys at every depth and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x"], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
  });

  it("omits undefined members, writes undefined array items as null and dates as ISO", () => {
    expect(canonicalJson({ a: undefined, b: [undefined], at: new Date("2026-01-02T03:04:05Z") })).toBe(
      '{"at":"2026-01-02T03:04:05.000Z","b":[null]}',
    );
  });

  it("gives the same text whatever the key insertion order", () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });
});

describe("digests", () => {
  it("hashes text as UTF-8 SHA-256 hex", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("digests the canonical JSON of a value", () => {
    expect(canonicalDigest({ b: 2, a: 1 })).toBe(sha256Hex('{"a":1,"b":2}'));
  });
});
