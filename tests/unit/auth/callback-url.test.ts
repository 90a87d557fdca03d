import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/validation/callback-url";

describe("the path after sign-in (issue 11, defect 3)", () => {
  it("refuses the reported payload: a tab the browser drops turns /\\t/evil.example/ into //evil.example/", () => {
    expect(safeCallbackPath(decodeURIComponent("%2F%09%2Fevil.example%2F"))).toBeNull();
  });

  const bypasses = [
    "//evil.example",
    "//evil.example/path",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "/\u0085/evil.example",
    "/.//evil.example",
    "/..//evil.example/x",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/./..//evil.example",
    "https://evil.example",
    "http:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    " //evil.example",
    "https://carbonlabel.invalid@evil.example",
    "//user:pass@evil.example",
    "",
  ];
  it.each(bypasses)("refuses %j", (payload) => {
    expect(safeCallbackPath(payload)).toBeNull();
  });

  it("keeps a path on this site, re-serialized as the browser will read it", () => {
    expect(safeCallbackPath("/enterprise")).toBe("/enterprise");
    expect(safeCallbackPath("/verifier/applications/1?tab=lines#l2")).toBe("/verifier/applications/1?tab=lines#l2");
    expect(safeCallbackPath("/a/../enterprise")).toBe("/enterprise");
    expect(safeCallbackPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeCallbackPath("/labels/CFP-CQ-2026-7K3M9Q?x=//evil.example")).toBe("/labels/CFP-CQ-2026-7K3M9Q?x=//evil.example");
  });

  it("refuses nothing at all and absurd lengths", () => {
    expect(safeCallbackPath(undefined)).toBeNull();
    expect(safeCallbackPath(null)).toBeNull();
    expect(safeCallbackPath(`/${"a".repeat(3_000)}`)).toBeNull();
  });
});
