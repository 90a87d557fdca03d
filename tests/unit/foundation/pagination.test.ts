import { describe, expect, it } from "vitest";
import { containsPattern, hrefWithParams, pageWindow } from "@/lib/utils";

describe("pageWindow", () => {
  it("keeps the requested page within the list", () => {
    expect(pageWindow(undefined, 0, 25)).toEqual({ page: 1, pageCount: 1, offset: 0 });
    expect(pageWindow(1, 25, 25)).toEqual({ page: 1, pageCount: 1, offset: 0 });
    expect(pageWindow(2, 26, 25)).toEqual({ page: 2, pageCount: 2, offset: 25 });
    expect(pageWindow(7, 26, 25)).toEqual({ page: 2, pageCount: 2, offset: 25 });
    expect(pageWindow(0, 26, 25)).toEqual({ page: 1, pageCount: 2, offset: 0 });
    expect(pageWindow(-3, 26, 25).page).toBe(1);
    expect(pageWindow(Number.NaN, 26, 25).page).toBe(1);
    expect(pageWindow(3, 75, 25)).toEqual({ page: 3, pageCount: 3, offset: 50 });
  });
});

describe("hrefWithParams", () => {
  it("leaves out empty parameters and encodes the rest", () => {
    expect(hrefWithParams("/regulator/factors", {})).toBe("/regulator/factors");
    expect(hrefWithParams("/regulator/factors", { q: "", category: undefined, page: null })).toBe("/regulator/factors");
    expect(hrefWithParams("/regulator/factors", { q: "电力 & gas", page: 2 })).toBe("/regulator/factors?q=%E7%94%B5%E5%8A%9B+%26+gas&page=2");
  });
});

describe("containsPattern", () => {
  it("takes LIKE wildcards literally", () => {
    expect(containsPattern("coal")).toBe("%coal%");
    expect(containsPattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });
});
