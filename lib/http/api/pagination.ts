import "server-only";
import type { z } from "zod";
import { zodFieldErrors } from "@/lib/validation/field-errors";
import { ApiProblem, fieldProblemsOf } from "./problem";

/** Query parameters of a request, parsed by the list's schema; a wrong one is a 422 naming it. */
export function readQuery<Schema extends z.ZodType>(url: URL, schema: Schema): z.output<Schema> {
  const raw: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (value !== "") raw[name] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiProblem("validation", "errors.validation", fieldProblemsOf(zodFieldErrors(parsed.error), "query"));
  return parsed.data;
}

/** Cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

export function decodeCursor<Schema extends z.ZodType>(cursor: string | undefined, schema: Schema): z.output<Schema> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // Not base64url JSON: answered below like any cursor this API did not issue.
  }
  throw new ApiProblem("validation", "errors.validation", [{ field: "cursor", message: "api.errors.cursor", in: "query" }]);
}

/**
 * A page of a list: `{ data, nextCursor }`, and the next page's absolute address in an RFC 8288
 * `Link` header (rel="next") on the public base URL.
 */
export function pageResponse<Item>(page: { items: Item[]; next: unknown }, url: URL, baseUrl: string): Response {
  const nextCursor = page.next === null ? null : encodeCursor(page.next);
  const headers = new Headers({ "content-type": "application/json" });
  if (nextCursor) {
    const next = new URLSearchParams(url.searchParams);
    next.set("cursor", nextCursor);
    headers.set("link", `<${baseUrl}${url.pathname}?${next}>; rel="next"`);
  }
  return new Response(JSON.stringify({ data: page.items, nextCursor }), { headers });
}
