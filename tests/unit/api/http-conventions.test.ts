import { describe, expect, it } from "vitest";
import { etagOf, matchesIfNoneMatch } from "@/lib/http/api/etag";
import { decodeCursor, encodeCursor, readQuery } from "@/lib/http/api/pagination";
import { ApiProblem, problemResponse } from "@/lib/http/api/problem";
import { newestFirstCursor } from "@/lib/dal/api/scope";
import { pageQuerySchema, problemResource } from "@/lib/validation/schemas/api";

const context = { locale: "en" as const, baseUrl: "https://carbonlabel.example.cn", instance: "/api/v1/products" };

describe("ETags", () => {
  it("match If-None-Match weakly, in lists and as *", () => {
    const etag = etagOf('{"a":1}');
    expect(etag).not.toBe(etagOf('{"a":2}'));
    expect(matchesIfNoneMatch(etag, etag)).toBe(true);
    expect(matchesIfNoneMatch(`W/${etag}`, etag)).toBe(true);
    expect(matchesIfNoneMatch(`"other", ${etag}`, etag)).toBe(true);
    expect(matchesIfNoneMatch("*", etag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', etag)).toBe(false);
    expect(matchesIfNoneMatch(null, etag)).toBe(false);
  });
});

describe("cursors and query parameters", () => {
  it("round-trip a cursor and refuse one this API did not issue, naming the parameter", () => {
    const position = { at: "2026-12-01 08:00:00.123456+00", id: "11111111-1111-4111-8111-111111111111" };
    expect(decodeCursor(encodeCursor(position), newestFirstCursor)).toEqual(position);
    expect(decodeCursor(undefined, newestFirstCursor)).toBeUndefined();
    for (const bogus of ["bogus", encodeCursor({ at: "x" }), encodeCursor("text")]) {
      try {
        decodeCursor(bogus, newestFirstCursor);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ApiProblem);
        expect((error as ApiProblem).fieldProblems).toEqual([{ field: "cursor", message: "api.errors.cursor", in: "query" }]);
      }
    }
  });

  it("parse limit with its default and bounds", () => {
    expect(readQuery(new URL("https://x/api/v1/products"), pageQuerySchema)).toEqual({ limit: 25 });
    expect(readQuery(new URL("https://x/api/v1/products?limit=100&cursor=abc"), pageQuerySchema)).toEqual({ limit: 100, cursor: "abc" });
    expect(() => readQuery(new URL("https://x/api/v1/products?limit=0"), pageQuerySchema)).toThrow(ApiProblem);
  });
});

describe("problem details", () => {
  it("are RFC 9457 documents with a type URI, a translated title and detail, and field errors with pointers", async () => {
    const problem = new ApiProblem("validation", "errors.validation", [
      { field: "hsCode", message: "enterprise.validation.hsCode", in: "body" },
      { field: "limit", message: "validation.max?maximum=100", in: "query" },
    ]);
    const response = problemResponse(problem, context);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = problemResource.parse(await response.json());
    expect(body).toMatchObject({
      type: "https://carbonlabel.example.cn/developers#problem-validation",
      title: "Invalid input",
      status: 422,
      instance: "/api/v1/products",
      code: "errors.validation",
      errorCount: 2,
    });
    expect(body.errors).toEqual([
      expect.objectContaining({ pointer: "/hsCode", field: "hsCode", code: "enterprise.validation.hsCode", detail: expect.not.stringContaining("enterprise.") }),
      expect.objectContaining({ parameter: "limit", code: "validation.max", detail: expect.stringContaining("100") }),
    ]);
    const chinese = problemResource.parse(await problemResponse(problem, { ...context, locale: "zh-CN" }).json());
    expect(chinese.code).toBe(body.code);
    expect(chinese.title).not.toBe(body.title);
  });
});
