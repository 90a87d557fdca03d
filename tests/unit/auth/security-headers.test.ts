import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/http/security-headers";
import { config, proxy } from "@/proxy";

const context = { nonce: "abc123==", https: false, development: false };

describe("security headers (issue 11, defect 6)", () => {
  it("allows scripts only with the request's nonce, and no framing", () => {
    const policy = contentSecurityPolicy(context);
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("sends HSTS and upgrades only over HTTPS", () => {
    expect(securityHeaders(context)).not.toHaveProperty("Strict-Transport-Security");
    const https = securityHeaders({ ...context, https: true });
    expect(https["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("draws a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    expect(Buffer.from([...nonces][0], "base64")).toHaveLength(16);
  });

  it("puts them on every page response of the proxy, with the policy on the request for Next.js", async () => {
    for (const path of ["/", "/login", "/signup", "/registry", "/enterprise", "/admin"]) {
      const response = await proxy(new NextRequest(`http://localhost${path}`));
      const policy = response.headers.get("content-security-policy");
      expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
      expect(response.headers.get("permissions-policy"), path).toContain("camera=()");
    }
    const https = await proxy(new NextRequest("http://localhost/login", { headers: { "x-forwarded-proto": "https" } }));
    expect(https.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("gives the public label page, sent without scripts and cached for everyone, a policy that allows no script", async () => {
    const policy = contentSecurityPolicy({ ...context, nonce: null });
    expect(policy).toContain("script-src 'none';");
    expect(policy).not.toContain("nonce-");
    expect(policy).not.toContain("strict-dynamic");
    // A well-formed number's page never reaches the proxy (tests/unit/platform/label-page-routes.test.ts);
    // a malformed one's does, and is served from the render cache all the same.
    for (const path of ["/labels/CFP_CQ", "/en/labels/CFP_CQ"]) {
      const response = await proxy(new NextRequest(`http://localhost${path}`));
      expect(response.headers.get("content-security-policy"), path).toContain("script-src 'none';");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("cache-control"), path).toBe("public, max-age=0, must-revalidate");
    }
  });

  it("gives two requests two different nonces", async () => {
    const first = (await proxy(new NextRequest("http://localhost/login"))).headers.get("content-security-policy");
    const second = (await proxy(new NextRequest("http://localhost/login"))).headers.get("content-security-policy");
    expect(first).not.toBe(second);
  });

  it("runs on every route but static assets, and gives the page headers to pages only", async () => {
    const [matcher] = config.matcher;
    const pattern = new RegExp(`^${matcher}$`);
    for (const path of ["/", "/login", "/enterprise/applications/x", "/labels/CFP_CQ", "/api/health"]) expect(pattern.test(path), path).toBe(true);
    for (const path of ["/_next/static/chunks/a.js", "/favicon.ico"]) expect(pattern.test(path), path).toBe(false);
    const api = await proxy(new NextRequest("http://localhost/api/health"));
    expect(api.headers.get("content-security-policy")).toBeNull();
    const action = await proxy(new NextRequest("http://localhost/login", { method: "POST", headers: { "next-action": "abc" } }));
    expect(action.headers.get("content-security-policy")).toBeNull();
    const file = await proxy(new NextRequest("http://localhost/robots.txt"));
    expect(file.headers.get("content-security-policy")).toBeNull();
    const prefetch = await proxy(new NextRequest("http://localhost/login", { headers: { "next-router-prefetch": "1" } }));
    expect(prefetch.headers.get("content-security-policy")).toBeNull();
  });
});
