import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeStatusList, encodeStatusList, statusBitAt, statusListLength, StatusListFormatError } from "@/lib/credentials/status-list";
import { STATUS_LIST_MIN_ENTRIES } from "@/lib/credentials/vocabulary";

describe("Bitstring Status List encoding", () => {
  it("is multibase base64url of a GZIP bitstring of at least 16 KB, index 0 at the left-most bit", async () => {
    const encoded = await encodeStatusList([0, 9, 131_071], STATUS_LIST_MIN_ENTRIES);
    expect(encoded.startsWith("u")).toBe(true);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const bits = gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
    expect(bits.length).toBe(16 * 1024);
    expect(bits[0]).toBe(0b1000_0000);
    expect(bits[1]).toBe(0b0100_0000);
    expect(bits[bits.length - 1]).toBe(0b0000_0001);
    expect(bits.subarray(2, -1).every((byte) => byte === 0)).toBe(true);
  });

  it("decodes back to the same bits", async () => {
    const set = [3, 500, 70_000];
    const bits = await decodeStatusList(await encodeStatusList(set, STATUS_LIST_MIN_ENTRIES));
    for (const index of [0, 3, 4, 499, 500, 501, 70_000, 131_071]) expect(statusBitAt(bits, index)).toBe(set.includes(index));
    expect(statusBitAt(bits, STATUS_LIST_MIN_ENTRIES)).toBeNull();
  });

  it("grows in whole multiples of the minimum", () => {
    expect(statusListLength(0)).toBe(131_072);
    expect(statusListLength(131_071)).toBe(131_072);
    expect(statusListLength(131_072)).toBe(262_144);
  });

  it("refuses lists that are not multibase, not GZIP or shorter than the minimum", async () => {
    await expect(decodeStatusList("zABC")).rejects.toBeInstanceOf(StatusListFormatError);
    await expect(decodeStatusList(`u${Buffer.from("not gzip").toString("base64url")}`)).rejects.toBeInstanceOf(StatusListFormatError);
    const { gzipSync } = await import("node:zlib");
    await expect(decodeStatusList(`u${gzipSync(Buffer.alloc(1024)).toString("base64url")}`)).rejects.toThrow(/131,072/);
    await expect(encodeStatusList([STATUS_LIST_MIN_ENTRIES], STATUS_LIST_MIN_ENTRIES)).rejects.toBeInstanceOf(RangeError);
  });
});
