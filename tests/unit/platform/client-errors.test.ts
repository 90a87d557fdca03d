import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

afterEach(() => vi.restoreAllMocks());

describe("requests the proxy refuses as client errors (issue 11, defect 7)", () => {
  it("answers 400 to a path that is not UTF-8, logged once as a client error", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const path of ["/labels/%C0%AF", "/registry/%E0%A4%A", "/api/labels/%FF"]) {
      const response = await proxy(new NextRequest(`http://localhost${path}`));
      expect(response.status, path).toBe(400);
      expect(await response.json()).toEqual({ error: "malformed_path" });
    }
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[0][0]).toMatch(/^\[client-error\] 400 malformed_path/);
    expect(error).not.toHaveBeenCalled();
  });

  it("answers 403 to a server-action POST from another origin, and lets a same-origin one through", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const action = (origin: string, extra: Record<string, string> = {}) =>
      new NextRequest("http://localhost/enterprise", {
        method: "POST",
        headers: { "next-action": "abc123", origin, host: "localhost", cookie: "authjs.session-token=x", ...extra },
      });
    const forged = await proxy(action("https://evil.example"));
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: "cross_origin_action" });
    expect((await proxy(action("null"))).status).toBe(403);
    expect((await proxy(action("http://localhost"))).status).toBe(200);
    expect((await proxy(action("https://carbon.example", { "x-forwarded-host": "carbon.example" }))).status).toBe(200);
  });

  it("keeps a well-formed escaped path", async () => {
    expect((await proxy(new NextRequest("http://localhost/labels/%E7%A2%B3"))).status).toBe(200);
  });
});
