import { describe, expect, it } from "vitest";
import { clientAddressFrom, normalizeAddress } from "@/lib/auth/client-address";

describe("client address for the per-address limits", () => {
  it("takes the entry the nearest trusted proxy appended (the last one with 0 or 1 hop)", () => {
    expect(clientAddressFrom("198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientAddressFrom("10.0.0.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    // A client-forged prefix is ignored behind one proxy.
    expect(clientAddressFrom("1.1.1.1, 2.2.2.2, 198.51.100.7", 1)).toBe("198.51.100.7");
  });

  it("skips the addresses of further trusted proxies", () => {
    expect(clientAddressFrom("6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddressFrom("198.51.100.7", 3)).toBe("198.51.100.7");
  });

  it("groups IPv6 by /64, unmaps IPv4-mapped addresses and strips ports", () => {
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(normalizeAddress("198.51.100.7:5123")).toBe("198.51.100.7");
  });

  it("puts anything unparseable in one bucket", () => {
    expect(clientAddressFrom(null)).toBe("unknown");
    expect(clientAddressFrom("not-an-address")).toBe("unknown");
    expect(clientAddressFrom("")).toBe("unknown");
  });
});
